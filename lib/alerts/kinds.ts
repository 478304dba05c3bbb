import type { AlertKind, AlertSeverity } from "@/db/enums";
import type { WarningKey } from "@/lib/overview/warnings";

/**
 * Each warning the server evaluates (lib/overview/warnings.ts) is an alert of one kind, about
 * one subject (which upstream, or none), of one severity: the one home of that mapping.
 * Browser-safe.
 */
export const ALERT_OF_WARNING: Record<
  WarningKey,
  { kind: AlertKind; subject: string; severity: AlertSeverity }
> = {
  low_balance: { kind: "balance_low", subject: "", severity: "critical" },
  short_runway: { kind: "balance_runway", subject: "", severity: "warning" },
  callback_silence_p2w: { kind: "callback_silence", subject: "p2w", severity: "warning" },
  callback_silence_payout: { kind: "callback_silence", subject: "payout", severity: "warning" },
  callbacks_refused: { kind: "callbacks_refused", subject: "", severity: "warning" },
  upstream_errors_p2w: { kind: "upstream_errors", subject: "p2w", severity: "warning" },
  upstream_errors_payout: { kind: "upstream_errors", subject: "payout", severity: "warning" },
  review_overdue: { kind: "review_overdue", subject: "", severity: "warning" },
  reconciler_stalled: { kind: "reconciler_stalled", subject: "", severity: "critical" },
};

/** The page an alert's message links to. */
export const ALERT_PAGE: Record<AlertKind, string> = {
  balance_low: "/",
  balance_runway: "/",
  callback_silence: "/callbacks",
  callbacks_refused: "/callbacks",
  upstream_errors: "/upstream-calls",
  review_overdue: "/review",
  reconciler_stalled: "/",
};

const RANK: Record<AlertSeverity, number> = { warning: 1, critical: 2 };

/** Whether a channel taking `minimum` and `kinds` takes this alert. */
export function channelTakes(
  channel: { alerts: AlertKind[] | "all"; minSeverity: AlertSeverity },
  kind: AlertKind,
  severity: AlertSeverity,
): boolean {
  return (
    RANK[severity] >= RANK[channel.minSeverity] &&
    (channel.alerts === "all" || channel.alerts.includes(kind))
  );
}
