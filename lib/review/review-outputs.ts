import { type Diagnostic, sortDiagnostics } from "../model/diagnostic.js";
import { readSynthOutput } from "../synth-output/read-synth-output.js";
import { diffOutputs, type ReviewDiff } from "./diff-outputs.js";
import { renderReview } from "./render-review.js";
import { type StackResources, stackResources } from "./stack-resources.js";

/**
 * Compares the synth output of a base branch with a pull request's and
 * renders the review. Problems in either folder are all collected; when
 * there is any, no Markdown is produced.
 */
export function reviewOutputs(
  baseDir: string,
  headDir: string,
): { diff?: ReviewDiff; markdown?: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read = (dir: string): StackResources[] => {
    const output = readSynthOutput(dir);
    diagnostics.push(...output.diagnostics);
    return output.value.stacks.map((stack) => {
      const resources = stackResources(stack);
      diagnostics.push(...resources.diagnostics);
      return resources.value;
    });
  };

  const base = read(baseDir);
  const head = read(headDir);
  if (diagnostics.length > 0) {
    return { diagnostics: sortDiagnostics(diagnostics) };
  }

  const diff = diffOutputs(base, head);
  return { diff, markdown: renderReview(diff), diagnostics };
}
