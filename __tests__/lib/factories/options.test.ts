import { describe, expect, it } from "vitest";
import { alb5xxRate } from "../../../lib/factories/alb-5xx-rate.js";
import { chainRpcHealth } from "../../../lib/factories/chain-rpc-health.js";
import { chainWatcherStalled } from "../../../lib/factories/chain-watcher-stalled.js";
import { circuitBreakerOpen } from "../../../lib/factories/circuit-breaker-open.js";
import { ecsRunningTasks } from "../../../lib/factories/ecs-running-tasks.js";
import { gatewayLatencyP99 } from "../../../lib/factories/gateway-latency-p99.js";
import {
  FactoryOptionsError,
  isFactoryOptionsError,
} from "../../../lib/factories/options.js";
import { operatorPoolEmpty } from "../../../lib/factories/operator-pool-empty.js";
import { quorumFailures } from "../../../lib/factories/quorum-failures.js";
import { redisUnavailable } from "../../../lib/factories/redis-unavailable.js";
import { txSubmissionExhausted } from "../../../lib/factories/tx-submission-exhausted.js";
import type { MonitorContext } from "../../../lib/model/definition.js";
import { aContext } from "../../support/context.js";

type Factory = (ctx: MonitorContext, params: never) => unknown;
const t = { critical: 10, warning: 5 };

/** Every factory with options it accepts. */
const FACTORIES: [string, Factory, Record<string, unknown>][] = [
  ["alb5xxRate", alb5xxRate, { errorRatePercent: t }],
  ["chainRpcHealth", chainRpcHealth, { errorRatePercent: t, maxLagSeconds: t }],
  ["chainWatcherStalled", chainWatcherStalled, {}],
  ["circuitBreakerOpen", circuitBreakerOpen, {}],
  ["ecsRunningTasks", ecsRunningTasks, { service: "gateway" }],
  ["gatewayLatencyP99", gatewayLatencyP99, { p99LatencyMs: t }],
  ["operatorPoolEmpty", operatorPoolEmpty, {}],
  ["quorumFailures", quorumFailures, { failures: t }],
  ["redisUnavailable", redisUnavailable, {}],
  ["txSubmissionExhausted", txSubmissionExhausted, {}],
];

/** The problems a factory reports for some options, as `path: message`. */
function problems(factory: Factory, options: unknown): string[] {
  try {
    factory(aContext(), options as never);
  } catch (error) {
    if (!isFactoryOptionsError(error)) throw error;
    return error.problems.map(
      (p) => `${p.path.join(".")}: ${p.message}${p.hint ? `; ${p.hint}` : ""}`,
    );
  }
  return [];
}

describe("factory options at run time", () => {
  it.each(FACTORIES)(
    "%s accepts its options and id, name, runbook",
    (_, f, ok) => {
      expect(
        problems(f, { ...ok, id: "second", name: "Second", runbook: "rb" }),
      ).toEqual([]);
    },
  );

  it.each(FACTORIES)(
    "%s refuses an unknown option, naming it",
    (name, f, ok) => {
      const error = (() => {
        try {
          f(aContext(), { ...ok, colour: "red" } as never);
        } catch (e) {
          return e;
        }
      })();

      expect(error).toBeInstanceOf(FactoryOptionsError);
      expect((error as FactoryOptionsError).factory).toBe(name);
      expect(
        (error as FactoryOptionsError).problems.map((p) => p.path),
      ).toEqual([["colour"]]);
    },
  );

  it.each(FACTORIES)("%s refuses a window that is not a number", (_, f, ok) => {
    expect(problems(f, { ...ok, windowMinutes: "5" })).toEqual([
      'windowMinutes: expected a number, got "5"',
    ]);
  });

  it("suggests the option a typo was meant to be", () => {
    expect(problems(operatorPoolEmpty, { warnAtOperator: 3 })).toEqual([
      'warnAtOperator: unknown key; expected one of id, name, priority, runbook, warnAtOperators, windowMinutes; did you mean "warnAtOperators"?',
    ]);
  });

  it("reports a misspelt required option as unknown and missing, both at once", () => {
    expect(
      problems(gatewayLatencyP99, { p99LatencyMS: { critical: 3000 } }),
    ).toEqual([
      "p99LatencyMs: expected an object, got nothing",
      'p99LatencyMS: unknown key; expected one of id, name, p99LatencyMs, priority, runbook, windowMinutes; did you mean "p99LatencyMs"?',
    ]);
  });

  it.each([
    [
      { critical: "3000" },
      'p99LatencyMs.critical: expected a number, got "3000"',
    ],
    [
      { warning: 2000 },
      "p99LatencyMs.critical: expected a number, got nothing",
    ],
    [
      { critical: 3000, warnng: 2000 },
      'p99LatencyMs.warnng: unknown key; expected one of critical, criticalRecovery, warning, warningRecovery; did you mean "warning"?',
    ],
  ])("checks thresholds inside the options: %j", (p99LatencyMs, expected) => {
    expect(problems(gatewayLatencyP99, { p99LatencyMs })).toEqual([expected]);
  });

  it("names the services config defines for an unknown one", () => {
    expect(problems(ecsRunningTasks, { service: "gatway" })).toEqual([
      'service: expected one of gateway, operator, chainWatcher, challenger, transporter, aggregator, got "gatway"; did you mean "gateway"?',
    ]);
  });

  it("refuses an id that is not kebab-case and a priority out of range", () => {
    expect(
      problems(operatorPoolEmpty, { id: "Pool Copy", priority: 0 }),
    ).toEqual([
      'id: expected kebab-case (a-z, 0-9, -), got "Pool Copy"',
      "priority: expected a number >= 1, got 0",
    ]);
  });
});
