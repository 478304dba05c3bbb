import { isMainThread } from "node:worker_threads";

import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

import { ALERT_CHANNEL_KINDS } from "@/db/enums";
import { CALL_OUTCOMES, CALLBACK_RESULTS, OPERATIONS, UPSTREAMS } from "@/lib/callbacks/results";

/**
 * What this thread counts as it works, for `/api/metrics` (lib/metrics/scrape.ts): each
 * instrument's labels take a few known values only — an upstream, an operation, an
 * outcome, an error code, a channel's kind — never an id, an address, an account number or
 * a secret. The server's thread keeps one set, the callback thread its own (it verifies and
 * processes the callbacks and makes their confirming reads); a scrape adds the two up.
 */
function create() {
  const registry = new Registry();
  const registers = [registry];
  const instruments = {
    registry,
    callbacksReceived: new Counter({
      name: "callbacks_received_total",
      help: "Callbacks answered, by upstream and outcome (accepted, refused, error); reason: the refusal's code",
      labelNames: ["upstream", "outcome", "reason"] as const,
      registers,
    }),
    callbacksProcessed: new Counter({
      name: "callbacks_processed_total",
      help: "Stored callbacks processed, by upstream and what processing came to",
      labelNames: ["upstream", "result"] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "upstream_request_duration_seconds",
      help: "Signed calls to the upstreams, by upstream, operation and outcome (ok, error)",
      labelNames: ["upstream", "operation", "outcome"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    alertDeliveries: new Counter({
      name: "alert_deliveries_total",
      help: "Alert messages this process tried to send, by channel kind and status (sent, retry, failed)",
      labelNames: ["channel_kind", "status"] as const,
      registers,
    }),
  };
  startAtZero(instruments);
  // Node's own figures (memory, CPU, event loop) once per process: on the server's thread.
  if (isMainThread) collectDefaultMetrics({ register: registry });
  return instruments;
}

export type Instruments = ReturnType<typeof create>;

/** What a processing run can end in, as counted (a throw: `failed`). */
const PROCESSED = [
  ...CALLBACK_RESULTS.filter((r) => !["received", "replaying", "rejected"].includes(r)),
  "failed",
];
export const DELIVERY_STATUSES = ["sent", "retry", "failed"] as const;

/**
 * Every series an alert rule divides or compares is written from the start, at 0: a rate
 * over a series that appears only with its first event says nothing until then.
 */
function startAtZero(m: Omit<Instruments, "registry">): void {
  for (const upstream of UPSTREAMS) {
    m.callbacksReceived.inc({ upstream, outcome: "accepted", reason: "" }, 0);
    for (const result of PROCESSED) m.callbacksProcessed.inc({ upstream, result }, 0);
    for (const operation of OPERATIONS[upstream])
      for (const outcome of CALL_OUTCOMES)
        m.upstreamDuration.zero({ upstream, operation, outcome });
  }
  for (const channel_kind of ALERT_CHANNEL_KINDS)
    for (const status of DELIVERY_STATUSES) m.alertDeliveries.inc({ channel_kind, status }, 0);
}

const KEY = Symbol.for("dashboard.metrics");
type Holder = { [KEY]?: Instruments };

/**
 * This thread's instruments. Next.js bundles the routes and the start-up hook apart, so
 * module state is not shared between them; the set is kept on `globalThis` under a
 * registered symbol, once per thread.
 */
export function instruments(): Instruments {
  const holder = globalThis as Holder;
  holder[KEY] ??= create();
  return holder[KEY];
}

/** A processing result as a label: one of the log's words, else `other`. */
export function resultLabel(result: string): string {
  return (CALLBACK_RESULTS as readonly string[]).includes(result) ? result : "other";
}
