import { useTranslations } from "next-intl";

import { StatusBadge } from "@/components/status-badge";
import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";

type Entry = {
  at: string;
  from: string | null;
  to: string | null;
  kind: string;
  source: string;
  actor: string;
  details: Record<string, unknown> | null;
};

/** Where every status of an order came from: create, callback, re-query, reconciler, person. */
export function Timeline({ history }: { history: Entry[] }) {
  const t = useTranslations();
  return (
    <section className={`${ui.card} overflow-x-auto p-0`}>
      <h2 className="px-4 pt-4 text-base font-semibold">{t("orders.timeline")}</h2>
      <table className={ui.table} data-testid="timeline">
        <thead>
          <tr>
            <th className={ui.th}>{t("orders.at")}</th>
            <th className={ui.th}>{t("orders.fromStatus")}</th>
            <th className={ui.th}>{t("orders.toStatus")}</th>
            <th className={ui.th}>{t("orders.source")}</th>
            <th className={ui.th}>{t("orders.actor")}</th>
            <th className={ui.th}>{t("orders.details")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {history.map((h, i) => (
            <tr key={i} data-kind={h.kind}>
              <td className={`${ui.td} tabular-nums`}>{formatDateTime(new Date(h.at))}</td>
              <td className={ui.td}>
                {h.from ? <StatusBadge status={h.from} /> : t("common.none")}
              </td>
              <td className={ui.td}>
                {h.to ? <StatusBadge status={h.to} /> : t("common.none")}{" "}
                {h.kind !== "applied" && (
                  <span className="text-xs text-amber-800">
                    ({t.has(`topup.kind.${h.kind}`) ? t(`topup.kind.${h.kind}`) : h.kind})
                  </span>
                )}
              </td>
              <td className={ui.td}>
                {t.has(`topup.sourceName.${h.source}`)
                  ? t(`topup.sourceName.${h.source}`)
                  : h.source}
              </td>
              <td className={`${ui.td} font-mono text-xs`}>{h.actor}</td>
              <td
                className={`${ui.td} max-w-md truncate font-mono text-xs`}
                title={h.details ? JSON.stringify(h.details) : ""}
              >
                {h.details ? JSON.stringify(h.details) : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
