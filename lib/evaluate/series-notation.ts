/**
 * A compact way to write one-minute series in tests and series files.
 *
 * Points: tokens separated by spaces, each `<value>x<minutes>` or a lone
 * `<value>` for one minute. `_` (or `.`) is a minute without a point:
 *
 *     "0.2x10 3x6 _x5 0.2"   10 minutes at 0.2, 6 at 3, a 5-minute gap, 0.2
 *
 * Samples (distributions): each minute is a comma list of `<value>` or
 * `<value>*<count>`, repeated with `x<minutes>`:
 *
 *     "0.1*98,4*2x10 _x5"    10 minutes of 98 samples at 0.1 and 2 at 4
 */

/** One problem in a notation string; `token` is 1-based. */
export interface NotationProblem {
  readonly token: number;
  readonly message: string;
}

/** The parsed values, or every problem found. */
export type NotationResult<T> =
  | { readonly ok: true; readonly value: T[] }
  | { readonly ok: false; readonly problems: NotationProblem[] };

const REPEAT = /^(.*?)(?:x(\d+))?$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GAP = new Set(["_", "."]);

/** Parses `"0.2x10 3x6 _x5"` into one value (or `null`) per minute. */
export function parsePoints(text: string): NotationResult<number | null> {
  return parseTokens<number | null>(text, (body) => {
    if (GAP.has(body)) return { value: null };
    if (!NUMBER.test(body)) {
      return { problem: `expected a number, "_" or ".", got "${body}"` };
    }
    return { value: Number(body) };
  });
}

/** Parses `"0.1*98,4*2x10 _x5"` into the samples of each minute. */
export function parseSamples(text: string): NotationResult<number[] | null> {
  return parseTokens<number[] | null>(text, (body) => {
    if (GAP.has(body)) return { value: null };
    const samples: number[] = [];
    for (const part of body.split(",")) {
      const [value, count, extra] = part.split("*");
      if (extra !== undefined || !value || !NUMBER.test(value)) {
        return {
          problem: `expected <value> or <value>*<count>, got "${part}"`,
        };
      }
      if (count !== undefined && !/^\d+$/.test(count)) {
        return { problem: `expected a whole sample count, got "${count}"` };
      }
      const times = count === undefined ? 1 : Number(count);
      for (let i = 0; i < times; i++) samples.push(Number(value));
    }
    return { value: samples };
  });
}

type TokenBody<T> = { value: T } | { problem: string };

function parseTokens<T>(
  text: string,
  parseBody: (body: string) => TokenBody<T>,
): NotationResult<T> {
  const values: T[] = [];
  const problems: NotationProblem[] = [];
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) {
    return {
      ok: false,
      problems: [
        {
          token: 0,
          message: "expected at least one token, got an empty string",
        },
      ],
    };
  }

  tokens.forEach((token, i) => {
    const [, body = "", repeat] = REPEAT.exec(token) ?? [];
    const minutes = repeat === undefined ? 1 : Number(repeat);
    if (minutes < 1) {
      problems.push({
        token: i + 1,
        message: `expected at least 1 minute, got "${token}"`,
      });
      return;
    }
    const parsed = parseBody(body);
    if ("problem" in parsed) {
      const whole = body === token ? "" : ` (in "${token}")`;
      problems.push({ token: i + 1, message: `${parsed.problem}${whole}` });
      return;
    }
    for (let m = 0; m < minutes; m++) values.push(parsed.value);
  });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, value: values };
}
