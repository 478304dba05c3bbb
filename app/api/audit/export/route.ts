import { getTranslations } from "next-intl/server";

import { otherMethods, route } from "@/lib/api/route";
import { parseAuditQuery } from "@/lib/audit/audit-query";
import { csvDownload } from "@/lib/csv";
import { AUDIT_CSV_COLUMNS, auditExportRowsFor } from "@/lib/for-user/audit";
import { wordsOf } from "@/lib/i18n/words";

/** The audit log as CSV: exactly the entries its filters (the page's query string) select. */
export const GET = route("audit:view", async (request, caller) => {
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const t = await getTranslations();
  const rows = await auditExportRowsFor(
    caller,
    query,
    t as unknown as Parameters<typeof auditExportRowsFor>[2],
    wordsOf(t),
  );
  return csvDownload(
    "audit",
    AUDIT_CSV_COLUMNS.map((c) => t(`audit.csv.${c}`)),
    rows,
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
