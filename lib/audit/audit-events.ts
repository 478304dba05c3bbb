/**
 * Every action the audit log records (browser-safe): `recordAudit` takes only these, so the
 * log's action filter and its words (`audit.actions.*` in the message catalog) cover all.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_blocked",
  "auth.sign_out",
  "access.denied",
  "access.session_rejected",
  "topup.create",
  "topup.requery",
  "topup.export",
  "topup.reissue",
  "withdrawal.lookup",
  "withdrawal.requery",
  "withdrawal.export",
  "withdrawal.view_account",
  "review.claim",
  "review.release",
  "review.resolve",
  "reissue.request",
  "reissue.approve",
  "reissue.reject",
  "callback.replay",
  "callback.view_account",
  "upstream_call.view_account",
  "user.create",
  "user.role_change",
  "user.disable",
  "user.enable",
  "user.password_reset",
  "user.unlock",
  "package.create",
  "package.update",
  "package.import",
  "settings.update",
  "audit.export",
  "connectivity.check",
  "warning.raised",
  "warning.cleared",
  "alert_channel.create",
  "alert_channel.update",
  "alert_channel.delete",
  "alert_channel.test",
  "alert.digest",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/**
 * Where an audit entry's target is shown: an order's page, a package's, the user's row, the
 * callback or call in its log (by the order it was about), the settings, the overview.
 */
export function auditTargetHref(
  type: string | null,
  id: string | null,
  details: Record<string, unknown> | null = null,
): string | null {
  if (!type) return null;
  const e = encodeURIComponent(id ?? "");
  const about = (key: string) => {
    const value = details?.[key];
    return typeof value === "string" && value ? `?q=${encodeURIComponent(value)}` : "";
  };
  switch (type) {
    case "topup":
      return id ? `/topups/${e}` : null;
    case "withdrawal":
      return id ? `/withdrawals/${e}` : null;
    case "package":
      return id ? `/admin/packages/${e}` : null;
    case "user":
      return id ? `/admin/users#user-${e}` : null;
    case "callback":
      return `/callbacks${about("entityId")}`;
    case "upstream_call":
      return `/upstream-calls${about("targetId")}`;
    case "settings":
      return "/admin/settings";
    case "alert_channel":
      return "/admin/alerts";
    case "upstreams":
      return "/admin/settings#connectivity";
    case "warning":
      return "/";
    default:
      return null;
  }
}
