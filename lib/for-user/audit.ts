import "server-only";

import { listAudit } from "@/db/queries/audit";
import { userNames } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditSummary } from "@/lib/audit/audit-summary";
import type { AuditQuery } from "@/lib/audit/audit-query";
import type { Caller } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import type { Words } from "@/lib/i18n/words";

const PAGE = 1_000;

/** The CSV's columns (names under `audit.csv.*`). */
export const AUDIT_CSV_COLUMNS = [
  "at",
  "actor",
  "actorEmail",
  "action",
  "actionCode",
  "targetType",
  "targetId",
  "summary",
  "details",
  "ip",
] as const;

/**
 * Exactly the entries the log's filters select (every page of them, newest first), as CSV
 * rows in the person's language; the export itself is audited with its filters.
 */
export async function auditExportRowsFor(
  caller: Caller,
  query: AuditQuery,
  t: Parameters<typeof auditSummary>[1],
  words: Words,
): Promise<AsyncIterable<string[][]>> {
  const db = getDb();
  await recordAudit(db, caller.person, "audit.export", {
    details: { query: query.values },
    ip: caller.person.ip,
  });
  const action = (code: string) =>
    t.has(`audit.actions.${code}`) ? t(`audit.actions.${code}`) : code;
  return (async function* () {
    let beforeId: number | undefined;
    for (;;) {
      const rows = await listAudit(db, { beforeId, limit: PAGE, filter: query.filter });
      if (rows.length === 0) return;
      const names = await userNames(
        db,
        rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])),
      );
      yield rows.map((r) => [
        formatDateTime(r.at),
        (r.actorId !== null && names.get(r.actorId)) || t("audit.system"),
        r.actorEmail ?? "",
        action(r.action),
        r.action,
        r.targetType ?? "",
        r.targetId ?? "",
        auditSummary(r.details, t, words)
          .map((line) => `${line.label}: ${line.value}`)
          .join("; "),
        r.details ? JSON.stringify(r.details) : "",
        r.ip ?? "",
      ]);
      if (rows.length < PAGE) return;
      beforeId = rows.at(-1)?.id;
    }
  })();
}
