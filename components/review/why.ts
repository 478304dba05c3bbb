import type { Words } from "@/lib/i18n/words";
import type { ReviewItemJson } from "@/lib/review/review-view";

type T = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

const text = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

/**
 * Why an item is in the queue, in one sentence, from what the change that opened it said
 * (`detail`) and the order as it is, in the page's language throughout: a failure reason or
 * an upstream error by its label (`words.reason`), never an upstream's English message. Keys
 * live under `queue.why` in the message catalog.
 */
export function whySentence(item: ReviewItemJson, t: T, words: Words): string {
  const d = item.detail ?? {};
  const key = `why.${item.kind}.${item.reason}`;
  if (item.reason === "anomaly") {
    if (d.reportedOrderId) return t("why.anomalyOrderId", { id: text(d.reportedOrderId) });
    if (d.changed && typeof d.changed === "object")
      return t("why.anomalyChanged", { fields: Object.keys(d.changed).join(", ") });
    if (d.rawStatus && d.to === null) return t("why.anomalyStatus", { word: text(d.rawStatus) });
    if (d.error) return t("why.anomalyError", { code: words.reason(text(d.error)) });
  }
  const code = text(d.error) || text(item.order.reason);
  return t(key, {
    code: code ? words.reason(code) : "—",
    from: d.from ? words.status(text(d.from)) : "—",
    to: d.to ? words.status(text(d.to)) : "—",
    attempts: item.order.attempts ?? 0,
    // Why an outcome is unknown, in a few words (the error's own sentence asks to try again).
    message: !code ? "—" : t.has(`cause.${code}`) ? t(`cause.${code}`) : words.reason(code),
  });
}
