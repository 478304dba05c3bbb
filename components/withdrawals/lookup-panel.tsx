"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { lookupWithdrawalsAction } from "@/lib/actions/withdrawals";
import type { LookupAnswer } from "@/lib/for-user/withdrawals";
import { MAX_LOOKUP_IDS, splitIds } from "@/lib/withdrawals/split-ids";

import { LookupResults } from "./lookup-results";

/** Sent in small batches so progress shows; the server checks each id before calling. */
const BATCH = 10;
/** Outcomes where the gateway did not answer about the id: it failed, or was not asked. */
const GATEWAY_MISSED: LookupAnswer["outcome"][] = ["error", "stored", "skipped"];

export function LookupPanel() {
  const t = useTranslations();
  const [text, setText] = useState("");
  const [results, setResults] = useState<LookupAnswer[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [gatewayDown, setGatewayDown] = useState(false);
  const running = progress !== null && progress.done < progress.total;

  /** Ids the gateway did not answer (failed or not asked): what a retry sends again. */
  const unanswered = results
    .filter((r) => GATEWAY_MISSED.includes(r.outcome))
    .map((r) => r.platformOrderId);

  async function run(ids = splitIds(text)) {
    setError(null);
    setResults([]);
    setGatewayDown(false);
    if (ids.length === 0) return;
    if (ids.length > MAX_LOOKUP_IDS) {
      setError(t("lookup.tooMany", { max: MAX_LOOKUP_IDS, count: ids.length }));
      return;
    }
    setProgress({ done: 0, total: ids.length });
    const collected: LookupAnswer[] = [];
    let storedOnly = false;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const answer = await lookupWithdrawalsAction({ platformOrderIds: batch, storedOnly });
      if (!answer.ok) {
        setError(answer.error.message);
        setProgress(null);
        return;
      }
      collected.push(...answer.data);
      setResults([...collected]);
      // The gateway is failing: stop asking it, answer the rest from our records, and say so.
      if (!storedOnly && answer.data.some((r) => GATEWAY_MISSED.includes(r.outcome))) {
        storedOnly = true;
        setGatewayDown(true);
      }
      setProgress({ done: Math.min(i + BATCH, ids.length), total: ids.length });
    }
  }

  const count = (outcome: LookupAnswer["outcome"]) =>
    results.filter((r) => r.outcome === outcome).length;
  return (
    <section className={`${ui.card} space-y-3`} aria-label={t("lookup.title")}>
      <h2 className="text-base font-semibold">{t("lookup.title")}</h2>
      <p className="text-sm text-slate-600" data-testid="arrive-note">
        {t("withdrawals.arriveNote")}
      </p>
      <label className="block space-y-1">
        <span className="text-sm text-slate-600">{t("lookup.hint", { max: MAX_LOOKUP_IDS })}</span>
        <textarea
          name="ids"
          rows={3}
          className={`${ui.input} font-mono`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
      </label>
      <div className="flex items-center gap-3">
        <Button
          type="button"

          disabled={running || text.trim() === ""}
          onClick={() => void run()}
        >
          {t("lookup.submit")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={running}
          onClick={() => {
            setText("");
            setResults([]);
            setProgress(null);
          }}
        >
          {t("lookup.clear")}
        </Button>
        {progress && (
          <span role="status" className="text-sm text-slate-600" data-testid="lookup-progress">
            {running
              ? t("lookup.running", progress)
              : t("lookup.done", {
                  total: progress.total,
                  found: count("found"),
                  notFound: count("not_found"),
                  notHeld: count("not_held"),
                  heldUnknown: count("held_unknown"),
                  invalid: count("invalid"),
                  errors: count("error"),
                  stored: count("stored"),
                  skipped: count("skipped"),
                })}
          </span>
        )}
      </div>
      {gatewayDown && (
        <div
          role="alert"
          className={`${ui.error} flex flex-wrap items-center gap-3`}
          data-testid="gateway-down"
        >
          <span>{t("lookup.gatewayDown", { count: unanswered.length })}</span>
          {!running && unanswered.length > 0 && (
            <Button type="button" variant="secondary" onClick={() => void run(unanswered)}>
              {t("lookup.retryUnanswered", { count: unanswered.length })}
            </Button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className={ui.error}>
          {error}
        </p>
      )}
      {results.length > 0 && <LookupResults results={results} />}
    </section>
  );
}
