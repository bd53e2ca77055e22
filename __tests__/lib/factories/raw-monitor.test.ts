import { describe, expect, it } from "vitest";
import { rawMonitor } from "../../../lib/factories/raw-monitor.js";
import { aContext } from "../../support/context.js";

const params = {
  id: "disk-full",
  name: "[testnet-prod] Disk full",
  type: "query alert" as const,
  query: "avg(last_5m):avg:system.disk.in_use{env:testnet-prod} > 0.9",
  thresholds: { critical: 0.9 },
  message: "Disk full. @slack-gateway-dev",
  options: { include_tags: false },
  importIds: { "testnet-prod": 42 },
};

describe("rawMonitor", () => {
  it("keeps every field as given, the query as text", () => {
    const spec = rawMonitor(aContext("testnet-prod", "dev"), params);

    expect(spec).toEqual({
      id: "disk-full",
      name: "[testnet-prod] Disk full",
      type: "query alert",
      query: { kind: "raw", text: params.query },
      thresholds: { critical: 0.9 },
      message: "Disk full. @slack-gateway-dev",
      tags: [],
      extraOptions: { include_tags: false },
      importId: 42,
    });
  });

  it("adopts only in the environment the id belongs to", () => {
    const spec = rawMonitor(aContext("mainnet-prod", "dev"), params);

    expect(spec.importId).toBeUndefined();
  });

  it("gives a composite monitor no thresholds", () => {
    const spec = rawMonitor(aContext(), {
      id: "both",
      name: "Both down",
      type: "composite",
      query: "123 && 456",
      message: "",
    });

    expect(spec.thresholds).toEqual({});
    expect(spec.noData).toBeUndefined();
  });
});
