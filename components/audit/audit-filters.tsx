import { getTranslations } from "next-intl/server";

import { DayInput, FilterField, FilterSelect } from "@/components/list-kit/filter-fields";
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
  return (
    <form
      method="get"
      aria-label={t("filters")}
      className={`${ui.card} flex flex-wrap items-end gap-3`}
    >
      <FilterField label={t("filterActor")}>
        <FilterSelect
          name="actor"
          value={values.actor ?? ""}
          any={t("anyone")}
          options={people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
        />
      </FilterField>
      <FilterField label={t("filterAction")}>
        <FilterSelect
          name="action"
          value={values.action ?? ""}
          any={t("anyAction")}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionWords(a) }))}
        />
      </FilterField>
      <FilterField label={t("filterTarget")}>
        <input name="target" defaultValue={values.target ?? ""} className={ui.input} />
      </FilterField>
      <FilterField label={t("from")}>
        <DayInput name="from" value={values.from ?? ""} />
      </FilterField>
      <FilterField label={t("to")}>
        <DayInput name="to" value={values.to ?? ""} />
      </FilterField>
      <Button type="submit">{t("apply")}</Button>
      {filtered && (
        <LinkButton href="/audit" variant="secondary">
          {t("clear")}
        </LinkButton>
      )}
    </form>
  );
}
