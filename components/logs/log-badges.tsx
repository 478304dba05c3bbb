import { useTranslations } from "next-intl";

const GOOD = "bg-emerald-50 text-emerald-800 ring-emerald-200";
const QUIET = "bg-slate-50 text-slate-700 ring-slate-200";
const WAITING = "bg-amber-50 text-amber-800 ring-amber-300";
const BAD = "bg-red-50 text-red-800 ring-red-200";

const RESULT_COLORS: Record<string, string> = {
  applied: GOOD,
  unchanged: QUIET,
  duplicate: QUIET,
  stale: QUIET,
  received: WAITING,
  retry: WAITING,
  replaying: WAITING,
  contradicted: WAITING,
  conflict: BAD,
  anomaly: BAD,
  unmatched: BAD,
  unconfirmed: BAD,
  rejected: BAD,
};

function Badge({
  className,
  children,
  data,
}: {
  className: string;
  children: string;
  data: string;
}) {
  return (
    <span
      data-value={data}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
    >
      {children}
    </span>
  );
}

/** What processing a callback came to, in words and the colour of its meaning. */
export function ResultBadge({ result }: { result: string }) {
  const t = useTranslations("logs.result");
  return (
    <Badge className={RESULT_COLORS[result] ?? QUIET} data={result}>
      {t.has(result) ? t(result) : result}
    </Badge>
  );
}

/** Verified, or why the callback was refused. */
export function VerificationBadge({ verification }: { verification: string }) {
  const t = useTranslations("logs.verification");
  return (
    <Badge className={verification === "ok" ? GOOD : BAD} data={verification}>
      {t.has(verification) ? t(verification) : verification}
    </Badge>
  );
}

/** An upstream call's outcome with its error code. */
export function OutcomeBadge({
  outcome,
  errorCode,
}: {
  outcome: string;
  errorCode: string | null;
}) {
  const t = useTranslations("logs");
  return (
    <Badge className={outcome === "ok" ? GOOD : BAD} data={outcome}>
      {outcome === "ok"
        ? t("outcome.ok")
        : `${t("outcome.error")}${errorCode ? ` · ${errorCode}` : ""}`}
    </Badge>
  );
}

/** Milliseconds as people read them: 850 ms, 2.4 s, 3 min. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
