import { quote } from "../../model/diagnostic.js";
import type { MonitorCheck } from "../check.js";
import { monitorOptions, optionNumber } from "../monitor-options.js";
import { queryFacts } from "../query-facts.js";

/**
 * Seconds of evaluation delay a CloudWatch-integration metric needs at the
 * least: Datadog recommends at least 15 minutes for AWS and other
 * crawler-based metrics, which land late.
 * https://docs.datadoghq.com/monitors/guide/troubleshooting-no-data/
 * https://docs.datadoghq.com/integrations/guide/cloud-metric-delay/
 */
export const MIN_CLOUDWATCH_DELAY_SECONDS = 900;

/** Metrics the AWS integration crawls from CloudWatch. */
const isCloudwatchMetric = (metric: string) => metric.startsWith("aws.");

/** A query on `aws.*` metrics waits for CloudWatch data to land. */
export const cloudwatchEvaluationDelay: MonitorCheck = {
  id: "cloudwatch-evaluation-delay",
  description: `a query on \`aws.*\` metrics has an evaluation delay of at least ${MIN_CLOUDWATCH_DELAY_SECONDS} s`,
  run: ({ spec }) => {
    const metric = queryFacts(spec)?.metrics.find(isCloudwatchMetric);
    if (metric === undefined) return [];

    const set = monitorOptions(spec).evaluationDelay;
    const delay = optionNumber(set?.value);
    if (delay !== undefined && delay >= MIN_CLOUDWATCH_DELAY_SECONDS) return [];
    return [
      {
        path: set?.path ?? "evaluationDelaySeconds",
        message:
          `expected at least ${MIN_CLOUDWATCH_DELAY_SECONDS} seconds for` +
          ` CloudWatch metric "${metric}", got ${quote(set?.value)}`,
        hint: "CloudWatch data lands minutes late; without the delay the monitor sees gaps",
      },
    ];
  },
};
