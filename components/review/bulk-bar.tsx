"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { requeryTopupAction } from "@/lib/actions/topups";
import { requeryWithdrawalAction } from "@/lib/actions/withdrawals";
import { ApiRefusal, sendJson } from "@/lib/api/client";
import { ui } from "@/components/ui/styles";
import { mapPool } from "@/lib/orders/pool";
import { NOTE_MIN_LENGTH, outcomesFor } from "@/lib/review/outcomes";
import type { ReviewItemJson } from "@/lib/review/review-view";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

const CONCURRENCY = 4;

type ItemResult = { id: number; entityId: string; ok: boolean; message: string };

/**
 * Many items at once: one outcome (only those every selected item allows) with one note, or
 * a re-query of their orders. A few at a time, with progress; each item's result is listed,
 * so a refusal (claimed by someone, already decided) is never lost in a total.
 */
export function BulkBar({ selected, onDone }: { selected: ReviewItemJson[]; onDone: () => void }) {
  const t = useTranslations("queue");
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ItemResult[]>([]);
  const common = selected
    .map((i) => outcomesFor(i.kind, i.reason) as string[])
    .reduce<string[] | null>(
      (acc, list) => (acc ? acc.filter((o) => list.includes(o)) : list),
      null,
    );
  const busy = progress !== null && progress.done < progress.total;

  async function run(work: (item: ReviewItemJson) => Promise<string | null>) {
    const state = { done: 0, total: selected.length };
    setProgress({ ...state });
    setResults([]);
    const outcomes = await mapPool(selected, CONCURRENCY, async (item) => {
      const refusal = await work(item).catch(() => t("offline"));
      state.done++;
      setProgress({ ...state });
      return { id: item.id, entityId: item.entityId, ok: refusal === null, message: refusal ?? "" };
    });
    setResults(outcomes);
    onDone();
  }

  const resolveAll = () =>
    run(async (item) => {
      try {
        await sendJson("POST", `/api/review/${item.id}/resolve`, { outcome, note }, t("offline"));
        return null;
      } catch (error) {
        return error instanceof ApiRefusal ? error.message : t("offline");
      }
    });
  const requeryAll = () =>
    run(async (item) => {
      const result =
        item.kind === "topup"
          ? await requeryTopupAction({ refId: item.entityId })
          : await requeryWithdrawalAction({ platformOrderId: item.entityId });
      return result.ok ? null : result.error.message;
    });

  return (
    <section className={`${ui.card} space-y-3 p-4`} data-testid="bulk-bar">
      <p className="text-sm font-medium">{t("selected", { count: selected.length })}</p>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label={t("outcome")}
          value={outcome}
          onChange={setOutcome}
          empty={common?.length ? t("chooseOutcome") : t("noCommonOutcome")}
          options={(common ?? []).map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
        />
        <Field label={t("note")} className="min-w-64 flex-1">
          {(control) => (
            <input
              {...control}
              value={note}
              maxLength={1000}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t("notePlaceholder", { min: NOTE_MIN_LENGTH })}
            />
          )}
        </Field>
        <Button
          type="button"

          disabled={busy || !outcome || note.trim().length < NOTE_MIN_LENGTH}
          onClick={() => void resolveAll()}
        >
          {t("resolveSelected")}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void requeryAll()}>
          {t("requerySelected")}
        </Button>
      </div>
      {progress && (
        <p role="status" className="text-sm text-slate-600" data-testid="bulk-progress">
          {busy
            ? t("progress", progress)
            : t("finished", {
                total: progress.total,
                succeeded: results.filter((r) => r.ok).length,
                failed: results.filter((r) => !r.ok).length,
              })}
        </p>
      )}
      {results.length > 0 && (
        <ul className="space-y-1 text-sm" data-testid="bulk-results">
          {results.map((r) => (
            <li key={r.id} className={r.ok ? "text-emerald-800" : "text-red-700"} data-ok={r.ok}>
              <span className="font-mono">{r.entityId}</span>: {r.ok ? t("itemDone") : r.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
