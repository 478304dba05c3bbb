/**
 * The value lists the tables constrain, as plain constants: no drizzle here, so pages in the
 * browser (status filters, role pickers) can import them without pulling in the schema.
 */

/** The four roles, least to most privileged. */
export const ROLES = ["support", "finance", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const TOPUP_STATUSES = [
  "submitting",
  "unknown",
  "pending",
  "processing",
  "succeeded",
  "failed",
] as const;
export type TopupStatus = (typeof TOPUP_STATUSES)[number];

export const WITHDRAWAL_STATUSES = ["open", "success", "failed"] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

/**
 * Which statuses end an order's life, one list per kind: the status machines
 * (lib/topups/topup-status.ts, lib/withdrawals/withdrawal-status.ts) are built from these,
 * and every other status is open (re-queried by the reconciler, followed by the live feed).
 */
export const TOPUP_FINAL_STATUSES = ["succeeded", "failed"] as const satisfies TopupStatus[];
export const WITHDRAWAL_FINAL_STATUSES = [
  "success",
  "failed",
] as const satisfies WithdrawalStatus[];

const openOf = <S extends string>(all: readonly S[], final: readonly S[]): S[] =>
  all.filter((status) => !final.includes(status));
export const TOPUP_OPEN_STATUSES = openOf(TOPUP_STATUSES, TOPUP_FINAL_STATUSES);
export const WITHDRAWAL_OPEN_STATUSES = openOf(WITHDRAWAL_STATUSES, WITHDRAWAL_FINAL_STATUSES);
/** Open top-ups the upstream has (or may have): all but `submitting`, ours while the create call is out. */
export const TOPUP_WAITING_STATUSES = TOPUP_OPEN_STATUSES.filter((s) => s !== "submitting");

/** Why an order waits for a manager; null when it does not. */
export const REVIEW_REASONS = ["stuck", "conflict", "anomaly", "unknown_outcome"] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/**
 * Why a review item is open: a failed order (a top-up the customer did not get, a payout
 * not made) or one of the flags above.
 */
export const REVIEW_ITEM_REASONS = ["failed", ...REVIEW_REASONS] as const;
export type ReviewItemReason = (typeof REVIEW_ITEM_REASONS)[number];

/** A re-issue request's life: only `approved` sends it; a late success cancels it. */
export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const ENTITY_KINDS = ["topup", "withdrawal"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const HISTORY_SOURCES = ["create", "callback", "requery", "reconciler", "person"] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/** Text a person reads, in both languages. */
export type LocalizedText = { th: string; en: string };

/** One detail a package needs from support (the player's game ID first), as the catalog holds it. */
export type PackageField = {
  key: string;
  label: LocalizedText;
  required: boolean;
  options?: { value: string; label: LocalizedText }[];
};

/** What the server alerts on (lib/alerts/kinds.ts), and how bad each one is. */
export const ALERT_KINDS = [
  "balance_low",
  "balance_runway",
  "callback_silence",
  "callbacks_refused",
  "upstream_errors",
  "review_overdue",
  "reconciler_stalled",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ["warning", "critical"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Where alerts go: a Slack incoming webhook, a LINE push, e-mail over SMTP. */
export const ALERT_CHANNEL_KINDS = ["slack", "line", "email"] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

/** Why a message was sent: an alert's transition, the daily digest, or a person's test. */
export const DELIVERY_EVENTS = ["raised", "repeat", "resolved", "digest", "test"] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
