import { getTranslations } from "next-intl/server";

import { RawDetails } from "@/components/raw-details";
import { TextLink } from "@/components/ui/button";
import { cardCell, ui } from "@/components/ui/styles";
import type { AuditRow } from "@/db/schema";
import { auditTargetHref } from "@/lib/audit/audit-events";
import { auditSummary } from "@/lib/audit/audit-summary";
import { wordsOf } from "@/lib/i18n/words";
import { formatDateTime } from "@/lib/format";
import { TableHead } from "@/components/ui/table-head";

/** One page of the audit log, newest first; a phone shows each entry as a card. */
export async function AuditTable({
  rows,
  names,
  filtered,
  actionWords,
}: {
  rows: AuditRow[];
  names: Map<number, string>;
  filtered: boolean;
  actionWords: (action: string) => string;
}) {
  const t = await getTranslations();
  const words = wordsOf(t);
  const columns = ["at", "actor", "action", "target", "details", "ip"] as const;
  const cell = (column: (typeof columns)[number], extra = "") =>
    cardCell(t(`audit.${column}`), `align-top ${extra}`);
  return (
    <section className={ui.tableBox}>
      <table className={`${ui.table} ${ui.cardTable}`} data-testid="audit-log">
        <TableHead
          className={`${ui.stickyHead} ${ui.cardHead}`}
          headings={columns.map((column) => t(`audit.${column}`))}
        />
        <tbody className={`divide-y divide-slate-100 ${ui.cardTable}`}>
          {rows.length === 0 && (
            <tr>
              <td className={ui.td} colSpan={columns.length}>
                {filtered ? t("audit.emptyFiltered") : t("audit.empty")}
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const href = auditTargetHref(row.targetType, row.targetId, row.details);
            const summary = auditSummary(
              row.details,
              t as unknown as Parameters<typeof auditSummary>[1],
              words,
            );
            const target = row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : null;
            return (
              <tr key={row.id} data-action={row.action} className={ui.cardRow}>
                <td {...cell("at", "tabular-nums")}>{formatDateTime(row.at)}</td>
                <td {...cell("actor")} title={row.actorEmail ?? undefined}>
                  {(row.actorId !== null && names.get(row.actorId)) ||
                    row.actorEmail ||
                    t("audit.system")}
                </td>
                <td {...cell("action")} title={row.action}>
                  {actionWords(row.action)}
                </td>
                <td {...cell("target", "font-mono text-xs")}>
                  {href ? <TextLink href={href}>{target}</TextLink> : (target ?? t("common.none"))}
                </td>
                <td {...cell("details", "text-xs whitespace-normal")}>
                  <span
                    className="block max-w-sm min-w-0 space-y-0.5 [overflow-wrap:anywhere]"
                    data-testid="audit-summary"
                  >
                    {summary.map((line) => (
                      <span key={line.label} className="block">
                        <span className="text-slate-500">{line.label}:</span> {line.value}
                      </span>
                    ))}
                    {row.details ? <RawDetails value={row.details} /> : t("common.none")}
                  </span>
                </td>
                <td {...cell("ip")}>{row.ip ?? t("common.none")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
