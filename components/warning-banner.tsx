"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { useThrottledLiveRefresh } from "@/components/live-changes";
import { ALERT_OF_WARNING, ALERT_PAGE } from "@/lib/alerts/kinds";
import { getJson } from "@/lib/api/client";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { WarningJson } from "@/lib/overview/warnings";

const REFRESH_MS = 30_000;
/** After changes, at most this often: a warning is about minutes, not seconds. */
const CHANGE_GAP_MS = 5_000;

/**
 * The warnings of managers and admins (low P2W balance, short runway, silent or refused
 * callbacks, failing upstream calls, overdue review items, a stalled automatic check), on
 * every page. Rendered by the server, then kept current: every 30 s, and after changes (at most every 5 s).
 */
export function WarningBanner({ initial }: { initial: WarningJson[] }) {
  const t = useTranslations("warnings");
  const offline = useTranslations("errors")("NETWORK");
  const { data } = useQuery({
    queryKey: ["warnings"],
    queryFn: async () => {
      return (await getJson<{ warnings: WarningJson[] }>("/api/warnings", offline)).warnings;
    },
    initialData: initial,
    staleTime: 5_000,
    refetchInterval: REFRESH_MS,
  });
  useThrottledLiveRefresh(["topup", "withdrawal"], ["warnings"], CHANGE_GAP_MS);
  if (!data || data.length === 0) return null;
  return (
    <div
      role="region"
      aria-label={t("label")}
      aria-live="polite"
      className="border-b border-amber-300 bg-amber-50 px-6 py-2 text-sm text-amber-900"
      data-testid="warning-banner"
    >
      <ul className="space-y-1">
        {data.map((w) => (
          <li key={w.key} data-warning={w.key} className="flex flex-wrap items-baseline gap-x-2">
            <span aria-hidden>⚠</span>
            <span>{message(w, t)}</span>
            <span className="text-xs text-amber-700">
              {t("since", { at: formatDateTime(w.since) })}
            </span>
            <Link
              href={ALERT_PAGE[ALERT_OF_WARNING[w.key].kind]}
              className="text-xs font-medium underline"
            >
              {t(`openPage.${ALERT_OF_WARNING[w.key].kind}`)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

type T = ReturnType<typeof useTranslations<"warnings">>;

function message(w: WarningJson, t: T): string {
  const d = w.detail;
  const money = (v: unknown) => (typeof v === "number" ? formatSatang(v) : "—");
  if (w.key === "low_balance")
    return t("lowBalance", {
      balance: money(d.balanceSatang),
      threshold: money(d.thresholdSatang),
    });
  if (w.key === "short_runway")
    return t("shortRunway", {
      hours: String(d.runwayHours ?? "—"),
      perHour: money(d.perHourSatang),
      warningHours: String(d.warningHours ?? ""),
    });
  const upstream = t(`upstream.${d.upstream === "payout" ? "payout" : "p2w"}`);
  const figures = { value: String(d.value ?? "—"), threshold: String(d.threshold ?? "—") };
  if (w.key === "callbacks_refused") return t("refused", figures);
  if (w.key === "upstream_errors_p2w" || w.key === "upstream_errors_payout")
    return t("upstreamErrors", { ...figures, upstream, operation: String(d.operation ?? "") });
  if (w.key === "review_overdue")
    return t("reviewOverdue", { ...figures, count: String(d.count ?? "") });
  if (w.key === "reconciler_stalled") return t("reconcilerStalled", figures);
  return typeof d.lastAcceptedAt === "string"
    ? t("silence", {
        upstream,
        at: formatDateTime(d.lastAcceptedAt),
        minutes: String(d.minutes ?? ""),
      })
    : t("silenceNever", { upstream, minutes: String(d.minutes ?? "") });
}
