import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { DayInput } from "@/components/list-kit/filter-form";
import { RawDetails } from "@/components/raw-details";
import { ui } from "@/components/ui/styles";
import { type AuditFilter, listAudit } from "@/db/queries/audit";
import { listUsers, userNames } from "@/db/queries/users";
import { AUDIT_ACTIONS, auditTargetHref, isAuditAction } from "@/lib/audit-actions";
import { requirePageUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { bangkokDayStart, formatDateTime } from "@/lib/format";
import { Button, LinkButton, TextLink } from "@/components/ui/button";

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

type Params = {
  before?: string;
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
};

/** The query string as a filter; a day that is not a date is named, not ignored. */
function filterOf(params: Params): { filter: AuditFilter; bad: string[] } {
  const bad: string[] = [];
  const day = (field: "from" | "to") => {
    const value = params[field]?.trim();
    if (!value) return undefined;
    const start = bangkokDayStart(value);
    if (!start) bad.push(field);
    return start ?? undefined;
  };
  const actor = Number(params.actor);
  const from = day("from");
  const to = day("to");
  return {
    filter: {
      actorId: Number.isSafeInteger(actor) && actor > 0 ? actor : undefined,
      action: isAuditAction(params.action) ? params.action : undefined,
      targetId: params.target?.trim().slice(0, 100) || undefined,
      from,
      // Through the end of the day named.
      to: to ? new Date(to.getTime() + DAY_MS) : undefined,
    },
    bad,
  };
}

/**
 * The filters in force as chips, each a link to the log without it (the page is rendered on
 * the server, so removing one is a plain navigation).
 */
function AuditChips({
  params,
  words,
  removeLabel,
  listLabel,
}: {
  params: Params;
  words: Record<Exclude<keyof Params, "before">, [string, (value: string) => string]>;
  removeLabel: (filter: string) => string;
  listLabel: string;
}) {
  const active = (Object.keys(words) as (keyof typeof words)[]).filter((key) =>
    params[key]?.trim(),
  );
  if (active.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={listLabel} data-testid="filter-chips">
      {active.map((key) => {
        const [label, describe] = words[key];
        const said = `${label}: ${describe(params[key] ?? "")}`;
        const rest = new URLSearchParams(
          Object.entries(params).filter(
            ([k, v]) => k !== key && k !== "before" && typeof v === "string" && v,
          ),
        );
        return (
          <li key={key}>
            <Link
              href={`/audit${rest.size > 0 ? `?${rest.toString()}` : ""}`}
              className={ui.chip}
              aria-label={removeLabel(said)}
              data-chip={key}
            >
              {said}
              <span aria-hidden className="text-base leading-none">
                ×
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageUser("audit:view");
  const t = await getTranslations();
  const params = await searchParams;
  const { filter, bad } = filterOf(params);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const before = Number(params.before);
  const db = getDb();
  const rows = await listAudit(db, {
    beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    limit: PAGE_SIZE,
    filter,
  });
  const people = await listUsers(db);
  const names = await userNames(
    db,
    rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])),
  );
  const actionWords = (action: string) =>
    t.has(`audit.actions.${action}`) ? t(`audit.actions.${action}` as "audit.title") : action;
  const last = rows.at(-1);
  const next = new URLSearchParams(
    Object.entries(params).filter(([k, v]) => k !== "before" && typeof v === "string" && v),
  );
  if (last) next.set("before", String(last.id));
  return (
    <div className="space-y-4">
      <h1 className={ui.h1}>{t("audit.title")}</h1>
      <form
        method="get"
        aria-label={t("audit.filters")}
        className={`${ui.card} flex flex-wrap items-end gap-3`}
      >
        <label className="space-y-1 text-sm">
          <span className="block text-slate-600">{t("audit.filterActor")}</span>
          <select name="actor" defaultValue={params.actor ?? ""} className={`${ui.inputAuto} pr-8`}>
            <option value="">{t("audit.anyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block text-slate-600">{t("audit.filterAction")}</span>
          <select
            name="action"
            defaultValue={params.action ?? ""}
            className={`${ui.inputAuto} pr-8`}
          >
            <option value="">{t("audit.anyAction")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionWords(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block text-slate-600">{t("audit.filterTarget")}</span>
          <input name="target" defaultValue={params.target ?? ""} className={ui.input} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block text-slate-600">{t("audit.from")}</span>
          <DayInput name="from" value={params.from ?? ""} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block text-slate-600">{t("audit.to")}</span>
          <DayInput name="to" value={params.to ?? ""} />
        </label>
        <Button type="submit">{t("audit.apply")}</Button>
        {filtered && (
          <LinkButton href="/audit" variant="secondary">
            {t("audit.clear")}
          </LinkButton>
        )}
      </form>
      <AuditChips
        params={params}
        words={{
          actor: [t("audit.filterActor"), (v) => people.find((p) => String(p.id) === v)?.name ?? v],
          action: [t("audit.filterAction"), actionWords],
          target: [t("audit.filterTarget"), (v) => v],
          from: [t("audit.from"), (v) => v],
          to: [t("audit.to"), (v) => v],
        }}
        removeLabel={(filter) => t("orders.removeFilter", { filter })}
        listLabel={t("orders.activeFilters")}
      />
      {bad.length > 0 && (
        <p role="alert" className={ui.error} data-testid="audit-bad-filter">
          {t("audit.badDay", { field: bad.map((f) => t(`audit.${f}` as "audit.from")).join(", ") })}
        </p>
      )}
      <p className="text-xs text-slate-500">{t("common.timeZoneNote")}</p>
      <section className={ui.tableBox}>
        <table className={`${ui.table} ${ui.cardTable}`} data-testid="audit-log">
          <thead className={`${ui.stickyHead} ${ui.cardHead}`}>
            <tr>
              <th className={ui.th}>{t("audit.at")}</th>
              <th className={ui.th}>{t("audit.actor")}</th>
              <th className={ui.th}>{t("audit.action")}</th>
              <th className={ui.th}>{t("audit.target")}</th>
              <th className={ui.th}>{t("audit.details")}</th>
              <th className={ui.th}>{t("audit.ip")}</th>
            </tr>
          </thead>
          <tbody className={`divide-y divide-slate-100 ${ui.cardTable}`}>
            {rows.length === 0 && (
              <tr>
                <td className={ui.td} colSpan={6}>
                  {filtered ? t("audit.emptyFiltered") : t("audit.empty")}
                </td>
              </tr>
            )}
            {rows.map((row) => {
              const href = auditTargetHref(row.targetType, row.targetId);
              const target = row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : null;
              return (
                <tr key={row.id} data-action={row.action} className={ui.cardRow}>
                  <td
                    data-label={t("audit.at")}
                    className={`${ui.td} ${ui.cardCell} align-top tabular-nums`}
                  >
                    {formatDateTime(row.at)}
                  </td>
                  <td
                    data-label={t("audit.actor")}
                    className={`${ui.td} ${ui.cardCell} align-top`}
                    title={row.actorEmail ?? undefined}
                  >
                    {(row.actorId !== null && names.get(row.actorId)) ||
                      row.actorEmail ||
                      t("audit.system")}
                  </td>
                  <td
                    data-label={t("audit.action")}
                    className={`${ui.td} ${ui.cardCell} align-top`}
                    title={row.action}
                  >
                    {actionWords(row.action)}
                  </td>
                  <td
                    data-label={t("audit.target")}
                    className={`${ui.td} ${ui.cardCell} align-top font-mono text-xs`}
                  >
                    {href ? (
                      <TextLink href={href}>{target}</TextLink>
                    ) : (
                      (target ?? t("common.none"))
                    )}
                  </td>
                  <td
                    data-label={t("audit.details")}
                    className={`${ui.td} ${ui.cardCell} align-top text-xs`}
                  >
                    {row.details ? <RawDetails value={row.details} /> : t("common.none")}
                  </td>
                  <td data-label={t("audit.ip")} className={`${ui.td} ${ui.cardCell} align-top`}>
                    {row.ip ?? t("common.none")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {rows.length === PAGE_SIZE && last && (
        <LinkButton href={`/audit?${next}`} variant="secondary">
          {t("common.next")}
        </LinkButton>
      )}
    </div>
  );
}
