/**
 * Every metric `/api/metrics` shows (docs/operations.md lists them with their labels): the
 * soak's scrape and the browser suite's check each one, and the docs test that each is
 * documented. Browser-safe.
 */
export const LISTED_METRICS = [
  "callbacks_received_total",
  "callbacks_processed_total",
  "callbacks_pending",
  "callback_processing_lag_seconds",
  "upstream_request_duration_seconds",
  "orders_open",
  "orders_open_oldest_age_seconds",
  "reconciler_last_pass_timestamp_seconds",
  "reconciler_is_leader",
  "review_queue_items",
  "review_queue_oldest_age_seconds",
  "alerts_active",
  "alert_deliveries_total",
  "p2w_balance_satang",
  // Two of Node's own, standing for the rest of prom-client's defaults.
  "process_resident_memory_bytes",
  "nodejs_eventloop_lag_seconds",
] as const;

/** Whether a scrape's text shows this metric (a histogram by its buckets). */
export const shows = (text: string, name: string) =>
  new RegExp(`^${name}(_bucket)?[{ ]`, "m").test(text);

/** Label sets naming one order, person or account: never allowed. */
export const ID_IN_LABEL = /TU-|P2W-|AAAW|@|\d{6,}/;
