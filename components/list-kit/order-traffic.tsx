import { useTranslations } from "next-intl";

import { OutcomeBadge, ResultBadge, VerificationBadge } from "@/components/logs/log-badges";
import type { ReactNode } from "react";

import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { wordsOf } from "@/lib/i18n/words";

type Callback = {
  id: number;
  receivedAt: string;
  verification: string;
  result: string;
  detail: string | null;
  rawBody: string;
  prunedAt: string | null;
};
type Call = {
  id: number;
  at: string;
  operation: string;
  attempt: number;
  httpStatus: number | null;
  durationMs: number;
  outcome: string;
  errorCode: string | null;
  actor: string;
  actorName: string | null;
  request: string | null;
  response: string | null;
  prunedAt: string | null;
};

/** The raw callbacks and upstream calls of one order (already redacted when stored). */
export function OrderTraffic({
  callbacks,
  calls,
  callsTitle,
}: {
  callbacks: Callback[];
  calls: Call[];
  callsTitle: string;
}) {
  const t = useTranslations("orders");
  const logs = useTranslations("logs");
  const words = wordsOf(useTranslations());
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <TrafficSection
        title={t("callbacks")}
        none={t("noCallbacks")}
        testId="callback"
        items={callbacks.map((c) => ({
          id: c.id,
          summary: (
            <>
              {formatDateTime(new Date(c.receivedAt))}{" "}
              <VerificationBadge verification={c.verification} /> <ResultBadge result={c.result} />
              {c.detail ? ` (${c.detail})` : ""}
            </>
          ),
          body: (
            <pre className="mt-2 overflow-x-auto bg-slate-50 p-2 text-xs">
              {c.prunedAt ? t("bodyPruned") : c.rawBody}
            </pre>
          ),
        }))}
      />
      <TrafficSection
        title={callsTitle}
        none={t("noCalls")}
        testId="upstream-call"
        items={calls.map((c) => ({
          id: c.id,
          summary: (
            <>
              {formatDateTime(new Date(c.at))} ·{" "}
              {logs.has(`operationName.${c.operation}`)
                ? logs(`operationName.${c.operation}` as "operationName.get_order")
                : c.operation}
              {c.attempt > 1 ? ` #${c.attempt}` : ""} · {t("http")} {c.httpStatus ?? "—"} ·{" "}
              {c.durationMs} ms <OutcomeBadge outcome={c.outcome} errorCode={c.errorCode} /> ·{" "}
              <span title={c.actor}>{words.actor(c.actor, c.actorName)}</span>
            </>
          ),
          body: c.prunedAt ? (
            <p className="mt-2 text-xs text-slate-500">{t("bodyPruned")}</p>
          ) : (
            <>
              <pre className="mt-2 overflow-x-auto bg-slate-50 p-2 text-xs">{c.request}</pre>
              <pre className="mt-1 overflow-x-auto bg-slate-50 p-2 text-xs">{c.response}</pre>
            </>
          ),
        }))}
      />
    </div>
  );
}

/** One kind of traffic: each entry a disclosure, its line as the summary, its bodies inside. */
function TrafficSection({
  title,
  none,
  testId,
  items,
}: {
  title: string;
  none: string;
  testId: string;
  items: { id: number; summary: ReactNode; body: ReactNode }[];
}) {
  return (
    <section className={`${ui.card} space-y-2`}>
      <h2 className="text-base font-semibold">{title}</h2>
      {items.length === 0 && <p className="text-sm text-slate-500">{none}</p>}
      {items.map((item) => (
        <details
          key={item.id}
          className="rounded border border-slate-200 p-2 text-sm"
          data-testid={testId}
        >
          <summary className="cursor-pointer">{item.summary}</summary>
          {item.body}
        </details>
      ))}
    </section>
  );
}
