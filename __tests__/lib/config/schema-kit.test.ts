import { describe, expect, it } from "vitest";
import {
  array,
  literal,
  number,
  object,
  optional,
  safeParse,
  string,
  url,
  variants,
  withDefault,
} from "../../../lib/config/schema-kit.js";

const chain = object({
  id: number({ int: true, positive: true }),
  name: string({ pattern: /^[a-z]+$/, means: "lowercase letters" }),
  note: optional(string()),
});
const schema = object({
  chains: array(chain, { minLength: 1 }),
  handles: withDefault(array(string()), []),
  site: withDefault(url(), "https://example.com"),
  backend: variants("type", {
    local: object({ type: literal("local"), path: string() }),
    cloud: object({ type: literal("cloud"), organization: string() }),
  }),
});

const messages = (value: unknown) => {
  const parsed = safeParse(schema, value);
  return parsed.success
    ? []
    : parsed.problems.map((p) => [p.path.join("."), p.message, p.hint]);
};

describe("safeParse", () => {
  it("returns the value with defaults and without absent optional keys", () => {
    const parsed = safeParse(schema, {
      chains: [{ id: 1, name: "base" }],
      backend: { type: "local", path: "state" },
    });

    expect(parsed).toEqual({
      success: true,
      data: {
        chains: [{ id: 1, name: "base" }],
        handles: [],
        site: "https://example.com",
        backend: { type: "local", path: "state" },
      },
    });
  });

  it("reports every problem with its path, value and a near key", () => {
    expect(
      messages({
        chains: [
          { id: 1.5, name: "Base" },
          { id: -1, nmae: "op" },
        ],
        site: "not a url",
        backend: { type: "gcs" },
      }),
    ).toEqual([
      ["chains.0.id", "expected an integer, got 1.5", undefined],
      ["chains.0.name", 'expected lowercase letters, got "Base"', undefined],
      ["chains.1.id", "expected a number > 0, got -1", undefined],
      ["chains.1.name", "expected a string, got nothing", undefined],
      [
        "chains.1.nmae",
        "unknown key; expected one of id, name, note",
        'did you mean "name"?',
      ],
      ["site", 'expected a URL, got "not a url"', undefined],
      ["backend.type", 'expected one of local, cloud, got "gcs"', undefined],
    ]);
  });

  it("checks the chosen variant and an array's length", () => {
    expect(messages({ chains: [], backend: { type: "cloud" } })).toEqual([
      ["chains", "expected length >= 1, got []", undefined],
      ["backend.organization", "expected a string, got nothing", undefined],
    ]);
  });

  it("gives each parse its own copy of a default", () => {
    const input = {
      chains: [{ id: 1, name: "a" }],
      backend: { type: "local", path: "p" },
    };
    const first = safeParse(schema, input);
    if (first.success) first.data.handles.push("@x");

    expect(safeParse(schema, input)).toMatchObject({ data: { handles: [] } });
  });
});
