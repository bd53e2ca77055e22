/**
 * Every signal the monitors and dashboards read, in one place.
 *
 * Monitors refer to these entries, never to literal metric names, so a
 * renamed metric is a one-line change here.
 *
 * Two sources feed Datadog:
 * - `agent`: the Rust services expose Prometheus metrics; the Datadog agent
 *   sidecar scrapes them with the OpenMetrics check under the `gateway`
 *   namespace. That check drops a counter's `_total` suffix and appends
 *   `.count`, and sends histograms as distributions when
 *   `histogram_buckets_as_distributions` is on
 *   (https://docs.datadoghq.com/integrations/openmetrics/).
 * - `cloudwatch`: ALB and ECS metrics arrive through the AWS integration,
 *   which polls CloudWatch and lands data minutes late, so monitors on them
 *   need an evaluation delay
 *   (https://docs.datadoghq.com/integrations/guide/cloud-metric-delay/).
 */

/** How Datadog stores the metric, which decides the valid aggregations. */
export type MetricKind = "count" | "gauge" | "distribution";

/** Where the metric comes from; `cloudwatch` data arrives late. */
export type MetricSource = "agent" | "cloudwatch";

export interface MetricDefinition {
  /** The metric name as Datadog stores it. */
  readonly name: string;
  readonly kind: MetricKind;
  readonly source: MetricSource;
  /** Unit of the stored value, e.g. `seconds`, `requests`, `blocks`. */
  readonly unit: string;
  /** Tag keys the metric carries that monitors group or filter on. */
  readonly tags: readonly string[];
  /** The name the service exports, for agent metrics. */
  readonly prometheusName?: string;
  readonly description: string;
}

const agent = (
  name: string,
  prometheusName: string,
  kind: MetricKind,
  unit: string,
  tags: readonly string[],
  description: string,
): MetricDefinition => ({
  name: `gateway.${name}`,
  prometheusName,
  kind,
  source: "agent",
  unit,
  tags: ["env", "service", ...tags],
  description,
});

const cloudwatch = (
  name: string,
  kind: MetricKind,
  unit: string,
  tags: readonly string[],
  description: string,
): MetricDefinition => ({
  name,
  kind,
  source: "cloudwatch",
  unit,
  tags: ["env", ...tags],
  description,
});

/** The metric catalog. Keys are the names monitors use. */
export const metrics = {
  gatewayRequests: agent(
    "requests.count",
    "requests_total",
    "count",
    "requests",
    ["chain_id", "status_class"],
    "Tasks accepted by the gateway API, by chain and HTTP status class",
  ),
  gatewayRequestDuration: agent(
    "request_duration_seconds",
    "request_duration_seconds",
    "distribution",
    "seconds",
    ["chain_id"],
    "Time from task accepted to task answered, per request",
  ),
  blsQuorumFailures: agent(
    "bls_quorum_failures.count",
    "bls_quorum_failures_total",
    "count",
    "failures",
    ["chain_id"],
    "BLS signature aggregations that missed the quorum",
  ),
  circuitBreakerState: agent(
    "circuit_breaker_state",
    "circuit_breaker_state",
    "gauge",
    "state (0 closed, 1 half-open, 2 open)",
    ["chain_id", "breaker"],
    "State of each circuit breaker guarding a chain dependency",
  ),
  rpcRequests: agent(
    "rpc_requests.count",
    "rpc_requests_total",
    "count",
    "requests",
    ["chain_id"],
    "Calls to the chain's RPC endpoint",
  ),
  rpcErrors: agent(
    "rpc_errors.count",
    "rpc_errors_total",
    "count",
    "errors",
    ["chain_id"],
    "Failed calls to the chain's RPC endpoint",
  ),
  chainBlockLag: agent(
    "chain_block_lag",
    "chain_block_lag",
    "gauge",
    "blocks",
    ["chain_id"],
    "Blocks between the chain head and the last block the gateway saw",
  ),
  txSubmissionExhausted: agent(
    "tx_submission_exhausted.count",
    "tx_submission_exhausted_total",
    "count",
    "transactions",
    ["chain_id"],
    "Transaction submissions that used up every retry",
  ),
  txSubmissionRetries: agent(
    "tx_submission_retries.count",
    "tx_submission_retries_total",
    "count",
    "retries",
    ["chain_id"],
    "Retried transaction submissions",
  ),
  operatorPoolSize: agent(
    "operator_pool_size",
    "operator_pool_size",
    "gauge",
    "operators",
    ["chain_id"],
    "Operators currently registered and reachable, per chain",
  ),
  chainWatcherBlocksProcessed: agent(
    "chain_watcher_blocks_processed.count",
    "chain_watcher_blocks_processed_total",
    "count",
    "blocks",
    ["chain_id"],
    "Blocks the chain watcher has processed",
  ),
  redisUp: agent(
    "redis_up",
    "redis_up",
    "gauge",
    "boolean (1 reachable, 0 not)",
    [],
    "Whether the gateway can reach its Redis cache and dedup set",
  ),
  dbPoolInUse: agent(
    "db_pool_connections_in_use",
    "db_pool_connections_in_use",
    "gauge",
    "connections",
    [],
    "Postgres pool connections checked out",
  ),
  dbPoolWaiting: agent(
    "db_pool_waiting",
    "db_pool_waiting",
    "gauge",
    "requests",
    [],
    "Requests waiting for a Postgres pool connection",
  ),
  ecsRunningTasks: cloudwatch(
    "aws.ecs.service.running",
    "gauge",
    "tasks",
    ["clustername", "servicename"],
    "Tasks running for an ECS service",
  ),
  ecsDesiredTasks: cloudwatch(
    "aws.ecs.service.desired",
    "gauge",
    "tasks",
    ["clustername", "servicename"],
    "Tasks an ECS service wants running",
  ),
  albRequests: cloudwatch(
    "aws.applicationelb.request_count",
    "count",
    "requests",
    ["loadbalancer"],
    "Requests the load balancer received",
  ),
  alb5xx: cloudwatch(
    "aws.applicationelb.httpcode_elb_5xx",
    "count",
    "responses",
    ["loadbalancer"],
    "5xx responses generated by the load balancer itself",
  ),
  albTarget5xx: cloudwatch(
    "aws.applicationelb.httpcode_target_5xx",
    "count",
    "responses",
    ["loadbalancer"],
    "5xx responses returned by the gateway tasks",
  ),
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof metrics;
