import type { ReviewItemJson } from "@/lib/review/review-view";

type T = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

const text = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

/**
 * Why an item is in the queue, in one sentence, from what the change that opened it said
 * (`detail`) and the order as it is. Keys live under `queue.why` in the message catalog.
 */
export function whySentence(item: ReviewItemJson, t: T): string {
  const d = item.detail ?? {};
  const key = `why.${item.kind}.${item.reason}`;
  if (item.reason === "anomaly") {
    if (d.reportedOrderId) return t("why.anomalyOrderId", { id: text(d.reportedOrderId) });
    if (d.changed && typeof d.changed === "object")
      return t("why.anomalyChanged", { fields: Object.keys(d.changed).join(", ") });
    if (d.rawStatus && d.to === null) return t("why.anomalyStatus", { word: text(d.rawStatus) });
    if (d.error) return t("why.anomalyError", { code: text(d.error) });
  }
  return t(key, {
    code: text(d.error) || text(item.order.reason) || "—",
    from: text(d.from) || "—",
    to: text(d.to) || "—",
    attempts: item.order.attempts ?? 0,
    message: text(d.message) || text(d.error) || "—",
  });
}
