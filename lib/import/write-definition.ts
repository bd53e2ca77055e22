import type { RawMonitorParams } from "../factories/raw-monitor.js";
import type { Tier } from "../model/environment.js";
import type { ImportIds } from "../model/import-ids.js";
import type { Overrides } from "./overrides.js";

/** The monitor a generated file builds: a factory call or raw fields. */
export type DefinitionCall =
  | { readonly kind: "raw"; readonly params: RawMonitorParams }
  | {
      readonly kind: "factory";
      /** The factory's export name and module under `lib/`. */
      readonly name: string;
      readonly module: string;
      readonly params: Readonly<Record<string, unknown>>;
      /** The spec id the factory gives, for `adopt`. */
      readonly specId: string;
      readonly overrides: Overrides & {
        readonly ignoreChecks?: Readonly<Record<string, string>>;
      };
      readonly importIds?: ImportIds;
    };

/** What one generated `monitors/<slug>.ts` file says. */
export interface DefinitionSource {
  readonly tier: Tier;
  /** Restricts the file to these environments; all when undefined. */
  readonly environments?: readonly string[];
  /** The Datadog monitor id and the environment it lives in. */
  readonly adopted?: { readonly env: string; readonly id: number };
  readonly call: DefinitionCall;
}

/** Field order in the generated call: identity, query, routing, options. */
const ORDER: readonly (keyof RawMonitorParams)[] = [
  "id",
  "name",
  "type",
  "query",
  "thresholds",
  "message",
  "tags",
  "priority",
  "noData",
  "evaluationDelaySeconds",
  "newGroupDelaySeconds",
  "requireFullWindow",
  "renotifyIntervalMinutes",
  "notifyBy",
  "options",
  "importIds",
  "ignoreChecks",
];

/**
 * The TypeScript text of a monitor definition for an imported monitor,
 * unformatted (the import script runs Prettier over it). `libPath` is how
 * the file reaches `lib/` (`../lib` from `monitors/`).
 */
export function definitionSource(
  source: DefinitionSource,
  libPath = "../lib",
): string {
  const { call } = source;
  const imports =
    call.kind === "raw"
      ? [`import { rawMonitor } from "${libPath}/factories/raw-monitor.js";`]
      : [
          ...(call.importIds
            ? [`import { adopt } from "${libPath}/factories/common.js";`]
            : []),
          `import { ${call.name} } from "${libPath}/${call.module}";`,
        ];
  return [
    ...imports,
    `import { defineMonitor } from "${libPath}/model/definition.js";`,
    "",
    ...docComment(source),
    "export default defineMonitor({",
    `tier: ${literal(source.tier)},`,
    ...(source.environments
      ? [`environments: ${literal(source.environments)},`]
      : []),
    `build: (ctx) => ${call.kind === "raw" ? rawCall(call.params) : factoryCall(call)},`,
    "});",
    "",
  ].join("\n");
}

function rawCall(params: RawMonitorParams): string {
  const ordered = Object.fromEntries(
    ORDER.filter((k) => params[k] !== undefined).map((k) => [k, params[k]]),
  );
  return `rawMonitor(ctx, ${literal(ordered)})`;
}

function factoryCall(call: Extract<DefinitionCall, { kind: "factory" }>) {
  const args = Object.keys(call.params).length
    ? `ctx, ${literal(call.params)}`
    : "ctx";
  const entries = Object.entries(call.overrides);
  const built = entries.length
    ? [
        "{",
        `...${call.name}(${args}),`,
        "// Kept from Datadog where it differs from the factory:",
        ...entries.map(
          ([k, v]) => `${k}: ${v === undefined ? "undefined" : literal(v)},`,
        ),
        "}",
      ].join("\n")
    : `${call.name}(${args})`;
  if (!call.importIds) return built;
  return `adopt(ctx, ${built}, ${literal({ [call.specId]: call.importIds })})`;
}

/** A comment saying where the file came from, wrapped at 80 columns. */
function docComment(source: DefinitionSource): string[] {
  const origin = source.adopted
    ? `Datadog monitor ${source.adopted.id} in ${source.adopted.env}; the first apply adopts it in place.`
    : "a Datadog export without an id to adopt; the first apply creates a new monitor.";
  const words = `Imported by npm run import from ${origin}`.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + word.length + 1 > 77) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return ["/**", ...lines.map((l) => ` * ${l}`), " */"];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript literal for plain JSON-like data. */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    const body = entries
      .map(
        ([k, v]) =>
          `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`,
      )
      .join(", ");
    return `{ ${body} }`;
  }
  return JSON.stringify(value);
}
