"use client";

import { useState } from "react";

import type { ActionResult } from "@/lib/actions/authorized-action";
import { mapPool } from "@/lib/orders/pool";

const BULK_CONCURRENCY = 4;

/**
 * A bulk run's count: `done` of `total` asked, `failed` of them could not be; left out before
 * asking: `skipped` already final, `waiting` with no upstream id yet (each listed with why).
 */
export type BulkProgress = {
  done: number;
  failed: number;
  total: number;
  skipped: number;
  waiting: number;
};
/** One order the run could not re-query (or left out), and why, in the person's language. */
export type RunFailure = { id: string; code: string; message: string };

/**
 * Re-query one order or many (a few at a time, with progress), through a server action.
 * Every failure is kept with its reason; a bulk run counts what it skipped.
 */
export function useRequeryRunner(
  requery: (id: string) => Promise<ActionResult<unknown>>,
  onDone: () => void,
) {
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [failures, setFailures] = useState<RunFailure[]>([]);
  const [leftOut, setLeftOut] = useState<RunFailure[]>([]);

  async function one(id: string, alone = true): Promise<boolean> {
    setBusy((b) => new Set(b).add(id));
    if (alone) {
      setFailures([]);
      setLeftOut([]);
    }
    try {
      const result = await requery(id);
      if (!result.ok) {
        const { code, message } = result.error;
        setFailures((f) => [...f, { id, code, message }]);
      }
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

  /**
   * `skipped`: how many selected were left out as already final; `waiting`: those left out
   * because they cannot be asked yet, each with why. Both are said, neither counts as failed.
   */
  async function many(ids: string[], skipped = 0, waiting: RunFailure[] = []) {
    const state = { done: 0, failed: 0, total: ids.length, skipped, waiting: waiting.length };
    setProgress({ ...state });
    setFailures([]);
    setLeftOut(waiting);
    await mapPool(ids, BULK_CONCURRENCY, async (id) => {
      if (!(await one(id, false))) state.failed++;
      state.done++;
      setProgress({ ...state });
    });
  }

  return { busy, progress, failures, leftOut, one, many };
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
