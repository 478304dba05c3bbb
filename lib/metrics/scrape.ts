import { AggregatorRegistry, type PrometheusContentType, Registry } from "prom-client";

import type { Db } from "@/db/client";
import type { ThreadMetrics } from "@/lib/callbacks/thread-messages";

import { databaseMetrics } from "./database";
import { instruments } from "./instruments";

/**
 * One scrape of `/api/metrics`, in Prometheus's text format: this thread's instruments and
 * the callback thread's (`thread`, summed label by label), then the figures read from the
 * database now.
 */
export async function scrape(
  db: Db,
  options: { thread: ThreadMetrics; isLeader: boolean; now?: Date },
): Promise<{ text: string; contentType: string }> {
  const own = await instruments().registry.getMetricsAsJSON();
  const counted = AggregatorRegistry.aggregate<PrometheusContentType>([own, options.thread]);
  const read = await databaseMetrics(db, options.now ?? new Date(), options.isLeader);
  const registry = Registry.merge([counted, read]);
  return { text: await registry.metrics(), contentType: registry.contentType };
}
