"use client";

import { useState } from "react";

import type { ActionResult } from "@/lib/actions/safe-action";
import { mapPool } from "@/lib/orders/pool";

const BULK_CONCURRENCY = 4;

/** Re-query one order or many (a few at a time, with progress), through a server action. */
export function useRequeryRunner(
  requery: (id: string) => Promise<ActionResult<unknown>>,
  onDone: () => void,
) {
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<{ done: number; failed: number; total: number } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);

  async function one(id: string): Promise<boolean> {
    setBusy((b) => new Set(b).add(id));
    try {
      const result = await requery(id);
      if (!result.ok) setError(`${id}: ${result.error.message}`);
      return result.ok;
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(id);
        return next;
      });
      onDone();
    }
  }

  async function many(ids: string[]) {
    const state = { done: 0, failed: 0, total: ids.length };
    setProgress({ ...state });
    setError(null);
    await mapPool(ids, BULK_CONCURRENCY, async (id) => {
      if (!(await one(id))) state.failed++;
      state.done++;
      setProgress({ ...state });
    });
  }

  return { busy, progress, error, one, many };
}

/** Checkbox selection over the rows of the current page. */
export function useSelection() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (ids: string[]) =>
    setSelected((s) => (ids.length > 0 && ids.every((id) => s.has(id)) ? new Set() : new Set(ids)));
  return { selected, toggle, toggleAll, clear: () => setSelected(new Set()) };
}
