import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { specFrom } from "../support/monitors.js";

const ENV = "mainnet-prod";
// The counter reports only when a submission has used every retry.
const exhausted = (chain: number, points: string): SeriesInput => ({
  metric: "gateway.tx_submission_exhausted.count",
  tags: { env: ENV, chain_id: chain },
  points,
});

describe("monitors/tx-submission-exhausted.ts", () => {
  let spec: MonitorSpec;
  beforeAll(async () => {
    spec = await specFrom("tx-submission-exhausted.ts", ENV);
  });

  it("pages on the first submission that gave up, and recovers 15 minutes later", () => {
    const result = evaluate(spec, [exhausted(8453, "_x30 1 _x30")]);
    expect(result).toAlert({
      group: "chain_id:8453",
      from: "32m",
      until: "46m",
    });
    expect(result).toRecover({ group: "chain_id:8453", at: "46m" });
    expect(result).toPage();
  });

  it("alerts only the chain whose submissions give up", () => {
    const result = evaluate(spec, [
      exhausted(8453, "_x30 1 _x30"),
      exhausted(1, "0x61"),
    ]);
    expect(result).toAlert({ group: "chain_id:8453", only: true });
    expect(result).toStayOk({ group: "chain_id:1" });
  });

  it("stays quiet while the counter reports zeros", () => {
    expect(
      evaluate(spec, [exhausted(1, "0x60"), exhausted(8453, "0x60")]),
    ).toStayOk();
  });
});
