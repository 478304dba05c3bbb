"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";

import type { useRequeryRunner, useSelection } from "./use-requery-runner";

type Selection = ReturnType<typeof useSelection>;
type Runner = ReturnType<typeof useRequeryRunner>;

/** The box that selects every row of the page. */
export function SelectAllBox({ ids, selection }: { ids: string[]; selection: Selection }) {
  const t = useTranslations("orders");
  return (
    <input
      type="checkbox"
      aria-label={t("selectAll")}
      checked={ids.length > 0 && ids.every((id) => selection.selected.has(id))}
      onChange={() => selection.toggleAll(ids)}
    />
  );
}

export function SelectAllHeader({ ids, selection }: { ids: string[]; selection: Selection }) {
  return (
    <th className={ui.th}>
      <SelectAllBox ids={ids} selection={selection} />
    </th>
  );
}

type SelectBoxProps = { id: string; selection: Selection; name?: string };

/** One row's selection box; `name` says which row when the id is not what a person reads. */
export function SelectBox({ id, selection, name = id }: SelectBoxProps) {
  const t = useTranslations("orders");
  return (
    <input
      type="checkbox"
      aria-label={t("selectRow", { id: name })}
      checked={selection.selected.has(id)}
      onChange={() => selection.toggle(id)}
    />
  );
}

/** `SelectBox` in a table cell (the review queue, the callbacks log). */
export function SelectCell(props: SelectBoxProps) {
  return (
    <td className={ui.td}>
      <SelectBox {...props} />
    </td>
  );
}

/** One row's re-query button; `disabledReason` says why it cannot run (no upstream id yet). */
export function RequeryButton({
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
    <Button
      type="button"
      variant="secondary"
      size="sm"
      disabled={busy || disabledReason !== undefined}
      title={disabledReason}
      onClick={() => void runner.one(id)}
    >
      {busy ? t("requerying") : t("requery")}
    </Button>
  );
}
