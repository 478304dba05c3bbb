import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ui } from "@/components/ui/styles";
import { getDb } from "@/lib/db";
import { listAudit } from "@/db/queries/audit";
import { requirePageUser } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";

const PAGE_SIZE = 50;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string }>;
}) {
  await requirePageUser("audit:view");
  const t = await getTranslations();
  const before = Number((await searchParams).before);
  const rows = await listAudit(getDb(), {
    beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    limit: PAGE_SIZE,
  });
  const last = rows.at(-1);
  return (
    <div className="space-y-4">
      <h1 className={ui.h1}>{t("audit.title")}</h1>
      <p className="text-xs text-slate-500">{t("common.timeZoneNote")}</p>
      <section className={`${ui.card} overflow-x-auto p-0`}>
        <table className={ui.table}>
          <thead className="bg-slate-50">
            <tr>
              <th className={ui.th}>{t("audit.at")}</th>
              <th className={ui.th}>{t("audit.actor")}</th>
              <th className={ui.th}>{t("audit.action")}</th>
              <th className={ui.th}>{t("audit.target")}</th>
              <th className={ui.th}>{t("audit.details")}</th>
              <th className={ui.th}>{t("audit.ip")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 && (
              <tr>
                <td className={ui.td} colSpan={6}>
                  {t("audit.empty")}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.id}>
                <td className={ui.td}>{formatDateTime(row.at)}</td>
                <td className={ui.td}>{row.actorEmail ?? t("audit.system")}</td>
                <td className={`${ui.td} font-mono text-xs`}>{row.action}</td>
                <td className={ui.td}>
                  {row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : t("common.none")}
                </td>
                <td
                  className={`${ui.td} max-w-md truncate font-mono text-xs`}
                  title={JSON.stringify(row.details)}
                >
                  {row.details ? JSON.stringify(row.details) : t("common.none")}
                </td>
                <td className={ui.td}>{row.ip ?? t("common.none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {rows.length === PAGE_SIZE && last && (
        <Link href={`/audit?before=${last.id}`} className={ui.buttonSecondary}>
          {t("common.next")}
        </Link>
      )}
    </div>
  );
}
