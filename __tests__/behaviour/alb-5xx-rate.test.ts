import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { contextFor, specFrom } from "../support/monitors.js";

const ENV = "testnet-prod";
const loadbalancer = contextFor(ENV).env.alb.loadbalancer;
const requests = (points: string, lateMinutes = 0): SeriesInput => ({
  metric: "aws.applicationelb.request_count",
  tags: { loadbalancer },
  points,
  lateMinutes,
});
const target5xx = (points: string, lateMinutes = 0): SeriesInput => ({
  metric: "aws.applicationelb.httpcode_target_5xx",
  tags: { loadbalancer },
  points,
  lateMinutes,
});
const elb5xx = (points: string): SeriesInput => ({
  metric: "aws.applicationelb.httpcode_elb_5xx",
  tags: { loadbalancer },
  points,
});

describe("monitors/alb-5xx-rate.ts", () => {
  let spec: MonitorSpec;
  beforeAll(async () => {
    spec = await specFrom("alb-5xx-rate.ts", ENV);
  });

  // The window is 10 minutes and CloudWatch needs a 15-minute delay, so a
  // window evaluated at minute T holds minutes T-25 to T-16.
  it("pages when 10% of requests fail for 15 minutes, and recovers", () => {
    const result = evaluate(spec, [
      requests("1000x60"),
      target5xx("10x20 100x15 10x25"),
    ]);
    expect(result).toAlert({ from: "40m", until: "56m" });
    expect(result).toRecover({ at: "59m" });
    expect(result).toPage();
  });

  it("divides the window's error total by its request total (as_count path)", () => {
    const result = evaluate(spec, [
      requests("1000x60"),
      target5xx("10x20 100x15 10x25"),
    ]);
    expect(result.evaluationPath).toBe("as_count");
    // At 40m the window is minutes 15-24: 5 x 10 + 5 x 100 errors over
    // 10,000 requests. Summing per-minute ratios would give 55 instead.
    const at40 = result.groups[0]!.steps.find((s) => s.minute === 40);
    expect(at40?.value).toBeCloseTo(5.5, 10);
  });

  it("counts the load balancer's own 5xx when the targets report none", () => {
    // 6 minutes at 10% make 6% of the window's requests
    const result = evaluate(spec, [
      requests("1000x60"),
      elb5xx("_x20 100x15 _x25"),
    ]);
    expect(result).toAlert({ from: "41m" });
  });

  it("warns without paging at 3% errors", () => {
    const result = evaluate(spec, [
      requests("1000x60"),
      target5xx("_x20 30x30 _x10"),
    ]);
    expect(result).toWarn();
    expect(result).not.toPage();
  });

  describe("a quiet night where 1 of 2 requests fails", () => {
    const night = [requests("_x30 2 _x30"), target5xx("_x30 1 _x30")];

    it("does not page", () => {
      expect(evaluate(spec, night)).toStayOk();
    });

    it("does not page on the traffic floor alone, without the full-window rule", () => {
      const result = evaluate({ ...spec, requireFullWindow: false }, night);
      expect(result).toStayOk();
      // 100 * 1 error / max(2 requests, 10 a minute * 10 minutes)
      expect(
        Math.max(...result.groups[0]!.steps.map((s) => s.value ?? 0)),
      ).toBe(1);
    });

    it("does not page on a trickle of one request a minute with one failure", () => {
      expect(
        evaluate(spec, [requests("1x60"), target5xx("_x30 1 _x29")]),
      ).toStayOk();
    });
  });

  describe("a CloudWatch metric arriving 10 minutes late", () => {
    // Request counts land 10 minutes late while 5xx counts land in 2:
    // without the delay the newest minutes have errors but no requests.
    const late = [requests("1000x60", 10), target5xx("10x60", 2)];

    it("does not flap with the 15-minute evaluation delay", () => {
      expect(spec.evaluationDelaySeconds).toBe(900);
      const result = evaluate(spec, late);
      expect(result).toStayOk();
      expect(
        result.groups[0]!.steps.filter((s) => s.reason === "evaluated").length,
      ).toBeGreaterThan(30);
    });

    it("would page without it", () => {
      const { evaluationDelaySeconds: _, ...undelayed } = spec;
      expect(evaluate(undelayed, late)).toAlert();
    });
  });
});
