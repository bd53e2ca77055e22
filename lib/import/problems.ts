import type { Diagnostic } from "../model/diagnostic.js";

/**
 * Collects the problems of one monitor in the input, each with the input
 * file and the monitor's position in it (`[2].options.timeout_h`).
 */
export class Problems {
  readonly list: Diagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly prefix: string,
  ) {}

  error(path: string, message: string, hint?: string): void {
    this.add("error", path, message, hint);
  }

  warn(path: string, message: string, hint?: string): void {
    this.add("warning", path, message, hint);
  }

  get failed(): boolean {
    return this.list.some((d) => d.level === "error");
  }

  private add(
    level: Diagnostic["level"],
    path: string,
    message: string,
    hint?: string,
  ) {
    const full = [this.prefix, path].filter(Boolean).join(".");
    this.list.push({
      level,
      where: this.file,
      check: "import-input",
      path: full.replace(/\.\[/g, "["),
      message,
      ...(hint ? { hint } : {}),
    });
  }
}
