import { QuerySyntaxError } from "./parse-error.js";

/**
 * A cursor over a query string with the small reads every parser here
 * needs. It works on characters, not tokens, because Datadog's grammar is
 * context dependent: `5m_ago`, `host:ip-10-0-0-1` and `p99.9` are single
 * words in one place and numbers or operators in another. Every read is a
 * linear scan, so no input can make parsing slow.
 */
export class Scanner {
  /** Index of the next unread character. */
  pos = 0;

  constructor(readonly text: string) {}

  /** True when nothing but the end is left (spaces included). */
  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** The character `ahead` places after the cursor, or "" past the end. */
  peek(ahead = 0): string {
    return this.text.charAt(this.pos + ahead);
  }

  skipSpace(): void {
    while (
      this.pos < this.text.length &&
      isSpace(this.text.charCodeAt(this.pos))
    ) {
      this.pos++;
    }
  }

  /** Skips spaces, then consumes `token` if it comes next. */
  eat(token: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  /** Like `eat`, but an absent token is an error naming `what`. */
  expect(token: string, what: string, code = "unexpected-token"): void {
    if (!this.eat(token)) this.fail(code, what);
  }

  /** Consumes characters while `test` accepts their code. */
  readWhile(test: (code: number) => boolean): string {
    const start = this.pos;
    while (
      this.pos < this.text.length &&
      test(this.text.charCodeAt(this.pos))
    ) {
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  /**
   * Reads a number such as `42`, `-0.5` or `1e-3` at the cursor. Returns
   * undefined and moves nothing when the text there is not exactly a number,
   * e.g. `5m` or `10abc`, so callers can report the whole word.
   */
  readNumber(): number | undefined {
    const start = this.pos;
    let i = start;
    const text = this.text;
    if (text[i] === "-" || text[i] === "+") i++;
    const digitsStart = i;
    while (isDigit(text.charCodeAt(i))) i++;
    if (i === digitsStart) return undefined;
    if (text[i] === "." && isDigit(text.charCodeAt(i + 1))) {
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      let j = i + 1;
      if (text[j] === "-" || text[j] === "+") j++;
      if (isDigit(text.charCodeAt(j))) {
        while (isDigit(text.charCodeAt(j))) j++;
        i = j;
      }
    }
    if (
      i < text.length &&
      (isWordChar(text.charCodeAt(i)) || text[i] === ".")
    ) {
      return undefined;
    }
    this.pos = i;
    return Number(text.slice(start, i));
  }

  /**
   * Reads a single- or double-quoted string at the cursor, with backslash
   * escapes, and returns its value. A quote glued to a word right after the
   * closing quote is reported as an unescaped quote inside the string.
   */
  readQuoted(): string {
    const quote = this.text[this.pos];
    const start = this.pos;
    let value = "";
    this.pos++;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]!;
      if (char === "\\" && this.pos + 1 < this.text.length) {
        value += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (char === quote) {
        this.checkNoGluedText(quote);
        return value;
      }
      value += char;
    }
    throw new QuerySyntaxError(
      "unterminated-string",
      start,
      `expected a closing ${quote} for this string, got end of query`,
    );
  }

  /** Fails unless only spaces are left. */
  expectEnd(): void {
    this.skipSpace();
    if (!this.atEnd) this.fail("trailing-input", "end of query");
  }

  /** Throws `expected <what>, got <text at at>`. */
  fail(code: string, what: string, at = this.pos): never {
    throw new QuerySyntaxError(
      code,
      at,
      `expected ${what}, got ${this.describe(at)}`,
    );
  }

  /** The word or character at `at`, quoted, for "got ..." in messages. */
  describe(at: number): string {
    if (at >= this.text.length) return "end of query";
    let end = at;
    while (end < this.text.length && !isBoundary(this.text.charCodeAt(end))) {
      end++;
    }
    if (end === at) end = at + 1;
    const word = this.text.slice(at, end);
    return JSON.stringify(word.length > 40 ? `${word.slice(0, 40)}...` : word);
  }

  private checkNoGluedText(quote: string): void {
    const next = this.text.charCodeAt(this.pos);
    if (isWordChar(next) || next === 34 || next === 39) {
      this.fail(
        "unescaped-quote",
        `"," or ")" after the string (write \\${quote} for a quote inside it)`,
      );
    }
  }
}

/** Space, tab, line feed or carriage return. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** `[0-9]`. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `[A-Za-z]`: Datadog names are ASCII. */
export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[A-Za-z0-9_]`. */
export function isWordChar(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 95;
}

/** Characters that end a word in a message: spaces and `(){},`. */
function isBoundary(code: number): boolean {
  return (
    isSpace(code) ||
    code === 40 ||
    code === 41 ||
    code === 123 ||
    code === 125 ||
    code === 44
  );
}
