"use client";

import type { Table, VisibilityState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useMemo, useSyncExternalStore } from "react";

import { usePersonId } from "@/components/person";
import { buttonVariants } from "@/components/ui/button";

import { columnName } from "./columns";

/** Tells this page's readers of a remembered choice that it changed. */
const CHANGED = "column-choice-changed";

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/**
 * Which columns a person shows in one table, remembered in this browser for that person
 * (another person signing in here gets their own). The server renders the defaults; the
 * browser then applies the remembered choice.
 */
export function useColumnVisibility(tableId: string, defaults: VisibilityState) {
  const person = usePersonId();
  const key = `columns:${tableId}:${person ?? "anyone"}`;
  const saved = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(key),
    () => null,
  );
  const visibility = useMemo<VisibilityState>(() => {
    try {
      const choice = JSON.parse(saved ?? "null") as unknown;
      return choice && typeof choice === "object" ? { ...defaults, ...choice } : defaults;
    } catch {
      return defaults; // A damaged entry is forgotten: the defaults stand.
    }
  }, [saved, defaults]);
  const change = (next: VisibilityState) => {
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      return; // Storage refused: nothing to remember it in.
    }
    window.dispatchEvent(new Event(CHANGED));
  };
  return [visibility, change] as const;
}

/** A "Columns" menu of checkboxes, one per column a person may hide. */
export function ColumnChooser<T>({ table }: { table: Table<T> }) {
  const t = useTranslations("orders");
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  return (
    <details className="relative" data-testid="column-chooser">
      <summary
        className={buttonVariants({ variant: "secondary", className: "cursor-pointer list-none" })}
      >
        {t("columns")}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-56 space-y-1 rounded-md bg-white p-3 shadow-lg ring-1 ring-slate-200">
        <legend className="sr-only">{t("columns")}</legend>
        {hideable.map((column) => (
          <label key={column.id} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={column.getIsVisible()}
              onChange={column.getToggleVisibilityHandler()}
            />
            {columnName(column.columnDef)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
