import type { MetricObjectWithValues, MetricValue } from "prom-client";

import type { UpstreamName } from "./results";
import type { CallbackDelivery, Outcome } from "./webhook";

/**
 * What the server's event loop asks of the callback thread, several in one message: verify
 * and store a delivery.
 */
export type ToThread = { serial: number; upstream: UpstreamName; delivery: CallbackDelivery };

/** Its answers (several in one message): the outcome once stored, or why it could not be. */
export type FromThread =
  { serial: number; outcome: Outcome } | { serial: number; outcome?: undefined; error: string };

/** The thread's counters, as prom-client's JSON (a scrape of `/api/metrics` asks for them). */
export type ThreadMetrics = MetricObjectWithValues<MetricValue<string>>[];

/**
 * A message to the thread: deliveries, a scrape's question for its counters, or the server's
 * stop (`drain`: close the callbacks' own listener, process what is stored, then say so).
 */
export type ToThreadMessage = ToThread[] | { metricsAsked: number } | { drain: number };

/**
 * A message from the thread: answers, its counters for the scrape that asked, or that it has
 * drained (how many callbacks it processed after it was asked).
 */
export type FromThreadMessage =
  | FromThread[]
  | { metricsAsked: number; metrics: ThreadMetrics }
  | { drained: number; took: number };
