import { describe, expect, it } from "vitest";

import en from "@/lib/i18n/messages/en.json";
import th from "@/lib/i18n/messages/th.json";

import { AUDIT_ACTIONS, auditTargetHref } from "./audit-events";

describe("audit actions", () => {
  it("each has words in both languages", () => {
    for (const messages of [en, th]) {
      const words = messages.audit.actions as Record<string, Record<string, string>>;
      for (const action of AUDIT_ACTIONS) {
        const [area = "", what = ""] = action.split(".");
        expect(words[area]?.[what], action).toBeTruthy();
      }
    }
  });

  it("links a target to its page when it has one", () => {
    expect(auditTargetHref("topup", "TU-1")).toBe("/topups/TU-1");
    expect(auditTargetHref("withdrawal", "SBXW1")).toBe("/withdrawals/SBXW1");
    expect(auditTargetHref("package", "FF_TH_D100")).toBe("/admin/packages/FF_TH_D100");
    expect(auditTargetHref("settings", "lowBalanceBaht")).toBe("/admin/settings");
    expect(auditTargetHref("user", "3")).toBe("/admin/users#user-3");
    expect(auditTargetHref("callback", "12", { entityId: "TU-1" })).toBe("/callbacks?q=TU-1");
    expect(auditTargetHref("upstream_call", "7", { targetId: "SBXW1" })).toBe(
      "/upstream-calls?q=SBXW1",
    );
    expect(auditTargetHref("warning", "balance_low")).toBe("/");
    expect(auditTargetHref(null, null)).toBeNull();
  });
});
