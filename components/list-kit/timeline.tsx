import { useTranslations } from "next-intl";

import { RawDetails } from "@/components/raw-details";
import { StatusBadge } from "@/components/status-badge";
import { cardCell, ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { wordsOf } from "@/lib/i18n/words";
import { TableHead } from "@/components/ui/table-head";

type Entry = {
  at: string;
  from: string | null;
  to: string | null;
  kind: string;
  source: string;
  actor: string;
  actorName: string | null;
  details: Record<string, unknown> | null;
};

/** Which sentence tells an entry (lib/i18n/messages `orders.event.*`). */
function eventOf(h: Entry): string {
  if (h.source === "create") {
    if (h.from === null) return "created";
    if (h.to === "failed") return "createRefused";
    if (h.to === "unknown") return "createUnknown";
    return "accepted";
  }
  if (h.source === "callback")
    return h.details?.confirmedBy === "requery" ? "callbackConfirmed" : "callback";
  if (h.source === "requery" || h.source === "reconciler") return h.source;
  return "person";
}

/**
 * Where every status of an order came from, as sentences ("P2W reported Succeeded by
 * callback; confirmed by a signed read"), who did it by name, and the raw details folded
 * away for those who need them.
 */
export function Timeline({ history, upstream }: { history: Entry[]; upstream: "p2w" | "payout" }) {
  const t = useTranslations();
  const words = wordsOf(t);
  const actorOf = (h: Entry) => words.actor(h.actor, h.actorName);
  const headings = [t("orders.at"), t("orders.what"), t("orders.actor"), t("orders.details")];
  // On a phone each entry is a card of labelled lines.
  const cell = (column: number, extra: string) => cardCell(headings[column] ?? "", extra);
  return (
    <section className={`${ui.card} relative overflow-x-auto p-0`}>
      <h2 className="px-4 pt-4 text-base font-semibold">{t("orders.timeline")}</h2>
      <table className={`${ui.table} ${ui.cardTable}`} data-testid="timeline">
        <TableHead className={ui.cardHead} headings={headings} />
        <tbody className={`divide-y divide-slate-100 ${ui.cardTable}`}>
          {history.map((h, i) => (
            <tr key={i} data-kind={h.kind} data-source={h.source} className={ui.cardRow}>
              <td {...cell(0, "align-top tabular-nums")}>{formatDateTime(h.at)}</td>
              <td {...cell(1, "whitespace-normal")}>
                {/* One piece, so that on a phone's card it wraps beside its label. */}
                <span className="min-w-0">
                  <span className="mr-2">
                    {t(`orders.event.${eventOf(h)}` as "orders.event.callback", {
                      upstream: t(`orders.upstream.${upstream}`),
                      status: h.to ? words.status(h.to) : t("common.none"),
                      actor: actorOf(h),
                    })}
                  </span>
                  {h.from && h.from !== h.to && <StatusBadge status={h.from} />}
                  {h.from && h.to && h.from !== h.to && " → "}
                  {h.to && <StatusBadge status={h.to} />}
                  {h.kind !== "applied" && (
                    <span className="ml-1 text-xs text-amber-800">
                      ({t.has(`topup.kind.${h.kind}`) ? t(`topup.kind.${h.kind}`) : h.kind})
                    </span>
                  )}
                </span>
              </td>
              <td {...cell(2, "align-top")} title={h.actor}>
                {actorOf(h)}
              </td>
              <td {...cell(3, "align-top text-xs")}>
                {h.details && <RawDetails value={h.details} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
