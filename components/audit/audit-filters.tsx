import { getTranslations } from "next-intl/server";

import { DayInput } from "@/components/list-kit/filter-fields";
import { Button, LinkButton } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-events";
import type { AuditQuery } from "@/lib/audit/audit-query";

/** The audit log's filter form: a plain GET of the page (rendered on the server). */
export async function AuditFilters({
  values,
  people,
  actionWords,
}: {
  values: AuditQuery["values"];
  people: { id: number; name: string; email: string }[];
  actionWords: (action: string) => string;
}) {
  const t = await getTranslations("audit");
  const filtered = Object.keys(values).length > 0;
  const labelled = "space-y-1 text-sm";
  const caption = "block text-slate-600";
  return (
    <form
      method="get"
      aria-label={t("filters")}
      className={`${ui.card} flex flex-wrap items-end gap-3`}
    >
      <label className={labelled}>
        <span className={caption}>{t("filterActor")}</span>
        <select name="actor" defaultValue={values.actor ?? ""} className={`${ui.inputAuto} pr-8`}>
          <option value="">{t("anyone")}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.email})
            </option>
          ))}
        </select>
      </label>
      <label className={labelled}>
        <span className={caption}>{t("filterAction")}</span>
        <select name="action" defaultValue={values.action ?? ""} className={`${ui.inputAuto} pr-8`}>
          <option value="">{t("anyAction")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionWords(a)}
            </option>
          ))}
        </select>
      </label>
      <label className={labelled}>
        <span className={caption}>{t("filterTarget")}</span>
        <input name="target" defaultValue={values.target ?? ""} className={ui.input} />
      </label>
      <label className={labelled}>
        <span className={caption}>{t("from")}</span>
        <DayInput name="from" value={values.from ?? ""} />
      </label>
      <label className={labelled}>
        <span className={caption}>{t("to")}</span>
        <DayInput name="to" value={values.to ?? ""} />
      </label>
      <Button type="submit">{t("apply")}</Button>
      {filtered && (
        <LinkButton href="/audit" variant="secondary">
          {t("clear")}
        </LinkButton>
      )}
    </form>
  );
}
