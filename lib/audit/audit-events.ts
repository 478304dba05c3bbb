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
  "connectivity.check",
  "warning.raised",
  "warning.cleared",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** Where an audit entry's target is shown, when it has a page of its own. */
export function auditTargetHref(type: string | null, id: string | null): string | null {
  if (!type || !id) return null;
  const e = encodeURIComponent(id);
  switch (type) {
    case "topup":
      return `/topups/${e}`;
    case "withdrawal":
      return `/withdrawals/${e}`;
    case "package":
      return `/admin/packages/${e}`;
    default:
      return null;
  }
}
