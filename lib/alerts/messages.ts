import type { AlertKind, AlertSeverity } from "@/db/enums";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { type Lookup, lookupIn } from "@/lib/i18n/translate";
import { wordsOf } from "@/lib/i18n/words";

import { ALERT_PAGE } from "./kinds";

/**
 * What a message says, as facts stored with it in the outbox (language-free), and the words
 * each channel sends, in the channel's language, made when it is sent: the kind, how bad,
 * since when, the figure and its threshold, and a link to the page.
 */
export type AlertFacts = {
  type: "alert";
  event: "raised" | "repeat" | "resolved";
  kind: AlertKind;
  subject: string;
  severity: AlertSeverity;
  raisedAt: string;
  resolvedAt: string | null;
  value: number | null;
  threshold: number | null;
  detail: Record<string, unknown>;
};

export type DayCounts = {
  topups: Record<string, number>;
  reasons: { reason: string; count: number }[];
  withdrawals: Record<string, number>;
  withdrawnSatang: number;
  review: { opened: number; decided: number; overdue: number };
  refused: number;
  balanceSatang: number | null;
};

export type DigestFacts = {
  type: "digest";
  manual: boolean;
  day: string;
  yesterday: DayCounts;
  before: DayCounts;
  runwayHours: number | "unknown" | "endless";
};

export type TestFacts = { type: "test"; by: string; at: string };

export type MessageFacts = AlertFacts | DigestFacts | TestFacts;

/** What every channel sends, before its own format (Slack blocks, LINE text, e-mail). */
export type Rendered = {
  title: string;
  severity: AlertSeverity | null;
  lines: string[];
  link: { label: string; url: string };
};

function duration(t: Lookup, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t("duration.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t("duration.hours", { hours, minutes: minutes % 60 });
  return t("duration.days", { days: Math.floor(hours / 24), hours: hours % 24 });
}

const num = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : "—");

/** The figure and its threshold in a sentence, in the setting's unit. */
function figure(t: Lookup, facts: AlertFacts): string {
  const { kind, value, threshold, detail } = facts;
  const upstream = t(`upstream.${facts.subject === "payout" ? "payout" : "p2w"}`);
  const baht = (v: number | null) => (v === null ? "—" : formatSatang(Math.round(v * 100)));
  switch (kind) {
    case "balance_low":
      return t("figure.balance_low", { value: baht(value), threshold: baht(threshold) });
    case "callback_silence":
      return value === null
        ? t("figure.callback_silence_never", { upstream, threshold: num(threshold) })
        : t("figure.callback_silence", { upstream, value: num(value), threshold: num(threshold) });
    case "callbacks_refused":
      return t("figure.callbacks_refused", {
        value: num(value),
        threshold: num(threshold),
        refused: num(detail.refused),
        total: num(Number(detail.refused ?? 0) + Number(detail.accepted ?? 0)),
      });
    case "upstream_errors":
      return t("figure.upstream_errors", {
        upstream,
        value: num(value),
        threshold: num(threshold),
        operation: String(detail.operation ?? "—"),
        errors: num(detail.errors),
        calls: num(detail.calls),
      });
    case "review_overdue":
      return t("figure.review_overdue", {
        value: num(value),
        threshold: num(threshold),
        count: num(detail.count),
      });
    default:
      return t(`figure.${kind}`, { value: num(value), threshold: num(threshold) });
  }
}

/** Where the figure stands now that the alert resolved. */
function nowFigure(t: Lookup, facts: AlertFacts): string {
  const { kind, value, threshold } = facts;
  const upstream = t(`upstream.${facts.subject === "payout" ? "payout" : "p2w"}`);
  const figures = { value: num(value), threshold: num(threshold), upstream };
  switch (kind) {
    case "balance_low":
      return t("now.balance_low", {
        value: value === null ? "—" : formatSatang(Math.round(value * 100)),
        threshold: threshold === null ? "—" : formatSatang(Math.round(threshold * 100)),
      });
    case "balance_runway":
      return t(value === null ? "now.balance_runway_none" : "now.balance_runway", figures);
    default:
      return t(`now.${kind}`, figures);
  }
}

function alertMessage(t: Lookup, facts: AlertFacts): Omit<Rendered, "link"> {
  const kind = t(`kind.${facts.kind}`);
  if (facts.event === "resolved") {
    const to = facts.resolvedAt ?? facts.raisedAt;
    return {
      title: t("titleResolved", { event: t("event.resolved"), kind }),
      severity: null,
      lines: [
        t("lasted", {
          duration: duration(t, Date.parse(to) - Date.parse(facts.raisedAt)),
          from: formatDateTime(facts.raisedAt, { seconds: false }),
          to: formatDateTime(to, { seconds: false }),
        }),
        nowFigure(t, facts),
      ],
    };
  }
  const title = t("title", { severity: t(`severity.${facts.severity}`), kind });
  return {
    title: facts.event === "repeat" ? `${title} · ${t("event.repeat")}` : title,
    severity: facts.severity,
    lines: [
      figure(t, facts),
      t("since", { at: formatDateTime(facts.raisedAt, { seconds: false }) }),
    ],
  };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function digestMessage(t: Lookup, facts: DigestFacts, locale: Locale): Omit<Rendered, "link"> {
  const [y, b] = [facts.yesterday, facts.before];
  const reasonWord = wordsOf(lookupIn(locale)).reason;
  const finalOf = (c: DayCounts) => (c.topups.succeeded ?? 0) + (c.topups.failed ?? 0);
  const money = (satang: number | null) =>
    satang === null ? t("digest.none") : formatSatang(satang);
  const runway =
    facts.runwayHours === "unknown"
      ? t("digest.runwayUnknown")
      : facts.runwayHours === "endless"
        ? t("digest.runwayEndless")
        : t("digest.runwayHours", { hours: num(facts.runwayHours) });
  return {
    title: t(facts.manual ? "digest.manualTitle" : "digest.title", { day: facts.day }),
    severity: null,
    lines: [
      t("digest.topups", {
        total: num(sum(y.topups)),
        before: num(sum(b.topups)),
        succeeded: num(y.topups.succeeded ?? 0),
        failed: num(y.topups.failed ?? 0),
        open: num(sum(y.topups) - finalOf(y)),
        rate: percent(y.topups.succeeded ?? 0, finalOf(y)),
        rateBefore: percent(b.topups.succeeded ?? 0, finalOf(b)),
      }),
      y.reasons.length === 0
        ? t("digest.noReasons")
        : t("digest.reasons", {
            list: y.reasons
              .map((r) => t("digest.reason", { reason: reasonWord(r.reason), count: num(r.count) }))
              .join(", "),
          }),
      t("digest.withdrawals", {
        total: num(sum(y.withdrawals)),
        before: num(sum(b.withdrawals)),
        amount: formatSatang(y.withdrawnSatang),
        success: num(y.withdrawals.success ?? 0),
        failed: num(y.withdrawals.failed ?? 0),
        open: num(y.withdrawals.open ?? 0),
      }),
      t("digest.review", {
        opened: num(y.review.opened),
        decided: num(y.review.decided),
        overdue: num(y.review.overdue),
        openedBefore: num(b.review.opened),
        decidedBefore: num(b.review.decided),
        overdueBefore: num(b.review.overdue),
      }),
      t("digest.refused", { count: num(y.refused), before: num(b.refused) }),
      t("digest.balance", {
        balance: money(y.balanceSatang),
        before: money(b.balanceSatang),
        runway,
      }),
    ],
  };
}

/** The words of a message in a language, with the link to its page under `appUrl`. */
export function renderMessage(facts: MessageFacts, locale: Locale, appUrl: string): Rendered {
  const t = lookupIn(locale, "alerts");
  const base = appUrl.replace(/\/+$/, "");
  const link = (path: string) => ({ label: t("open"), url: `${base}${path}` });
  if (facts.type === "alert")
    return { ...alertMessage(t, facts), link: link(ALERT_PAGE[facts.kind]) };
  if (facts.type === "digest") return { ...digestMessage(t, facts, locale), link: link("/") };
  return {
    title: t("test.title"),
    severity: null,
    lines: [t("test.body", { by: facts.by, at: formatDateTime(facts.at, { seconds: false }) })],
    link: link("/admin/alerts"),
  };
}
