"use client";

import { useTranslations } from "next-intl";

import { ui } from "@/components/ui/styles";

import type { useRequeryRunner, useSelection } from "./use-requery-runner";

type Selection = ReturnType<typeof useSelection>;
type Runner = ReturnType<typeof useRequeryRunner>;

export function SelectAllHeader({ ids, selection }: { ids: string[]; selection: Selection }) {
  const t = useTranslations("orders");
  return (
    <th className={ui.th}>
      <input
        type="checkbox"
        aria-label={t("selectAll")}
        checked={ids.length > 0 && ids.every((id) => selection.selected.has(id))}
        onChange={() => selection.toggleAll(ids)}
      />
    </th>
  );
}

/** `name` says which row it is when the selected id is not what a person reads (a queue item). */
export function SelectCell({
  id,
  selection,
  name = id,
}: {
  id: string;
  selection: Selection;
  name?: string;
}) {
  const t = useTranslations("orders");
  return (
    <td className={ui.td}>
      <input
        type="checkbox"
        aria-label={t("selectRow", { id: name })}
        checked={selection.selected.has(id)}
        onChange={() => selection.toggle(id)}
      />
    </td>
  );
}

export function RequeryCell({
  id,
  runner,
  disabledReason,
}: {
  id: string;
  runner: Runner;
  disabledReason?: string;
}) {
  const t = useTranslations("orders");
  const busy = runner.busy.has(id);
  return (
    <td className={ui.td}>
      <button
        type="button"
        className={ui.buttonSecondary}
        disabled={busy || disabledReason !== undefined}
        title={disabledReason}
        onClick={() => void runner.one(id)}
      >
        {busy ? t("requerying") : t("requery")}
      </button>
    </td>
  );
}
