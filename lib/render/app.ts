import { App } from "cdktf";
import type { ProjectPlan } from "../plan.js";
import { renderStack } from "./stack.js";

export interface RenderOptions {
  /** Output folder. @default what cdktf chooses (`cdktf.out`) */
  readonly outdir?: string;
  /** Adds extra stacks, e.g. the state bootstrap, to the same app. */
  readonly extraStacks?: (app: App) => void;
}

/**
 * Renders every stack of a checked plan into a cdktf app and synthesizes
 * it. Call only after the plan passed its checks: this writes files.
 */
export function synthesize(
  plan: ProjectPlan,
  options: RenderOptions = {},
): App {
  // skipValidation: cdktf's own validations need provider schemas we
  // cannot download here; our checks run before this point.
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    skipValidation: true,
  });
  for (const stack of plan.stacks) renderStack(app, stack);
  options.extraStacks?.(app);
  app.synth();
  return app;
}
