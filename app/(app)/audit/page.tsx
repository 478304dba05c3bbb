import { getTranslations } from "next-intl/server";

import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ChipList } from "@/components/list-kit/filter-chips";
import { buttonVariants, LinkButton } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { listAudit } from "@/db/queries/audit";
import { listUsers, userNames } from "@/db/queries/users";
import {
  AUDIT_FILTER_KEYS,
  auditHref,
  parseAuditQuery,
  searchParamsOf,
} from "@/lib/audit/audit-query";
import { requirePageUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";

const PAGE_SIZE = 50;

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Who did what, when, from where: filtered by the query string, newest first. */
export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await requirePageUser("audit:view");
  const t = await getTranslations();
  const { filter, beforeId, values, bad } = parseAuditQuery(searchParamsOf(await searchParams));
  const db = getDb();
  const rows = await listAudit(db, { beforeId, limit: PAGE_SIZE, filter });
  const people = await listUsers(db);
  const names = await userNames(
    db,
    rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])),
  );
  const actionWords = (action: string) =>
    t.has(`audit.actions.${action}`) ? t(`audit.actions.${action}` as "audit.title") : action;
  const labels = {
    actor: t("audit.filterActor"),
    action: t("audit.filterAction"),
    target: t("audit.filterTarget"),
    from: t("audit.from"),
    to: t("audit.to"),
  };
  const describe = (key: (typeof AUDIT_FILTER_KEYS)[number], value: string) =>
    key === "actor"
      ? (people.find((p) => String(p.id) === value)?.name ?? value)
      : key === "action"
        ? actionWords(value)
        : value;
  const last = rows.at(-1);
  return (
    <div className="space-y-4">
      <h1 className={ui.h1}>{t("audit.title")}</h1>
      <AuditFilters values={values} people={people} actionWords={actionWords} />
      <ChipList
        chips={AUDIT_FILTER_KEYS.flatMap((key) => {
          const value = values[key];
          if (!value) return [];
          const { [key]: _removed, ...rest } = values;
          return [{ key, label: labels[key], said: describe(key, value), href: auditHref(rest) }];
        })}
      />
      {bad.length > 0 && (
        <p role="alert" className={ui.error} data-testid="audit-bad-filter">
          {t("audit.badDay", { field: bad.map((f) => t(`audit.${f}`)).join(", ") })}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-slate-500">{t("common.timeZoneNote")}</p>
        {/* Exactly the entries these filters select, every page of them. */}
        <a
          href={`/api/audit/export${auditHref(values).replace(/^\/audit/, "")}`}
          className={buttonVariants({ variant: "secondary" })}
          data-testid="audit-export"
          download
        >
          {t("audit.export")}
        </a>
      </div>
      <AuditTable
        rows={rows}
        names={names}
        filtered={Object.values(filter).some((v) => v !== undefined)}
        actionWords={actionWords}
      />
      {rows.length === PAGE_SIZE && last && (
        <LinkButton href={auditHref(values, { before: String(last.id) })} variant="secondary">
          {t("common.next")}
        </LinkButton>
      )}
    </div>
  );
}
