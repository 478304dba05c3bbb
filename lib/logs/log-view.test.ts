import { describe, expect, it } from "vitest";

import { showBody } from "./log-view";

const gateway = JSON.stringify({
  platform_order_id: "WD1",
  account_no: "123-4-56789-0",
  account_name: "สมชาย ใจดี",
  amount: 1500,
});

describe("a body as the logs show it", () => {
  it("masks account number and name unless revealed, and pretty-prints JSON", () => {
    const masked = showBody(gateway, false) ?? "";
    expect(masked).toContain('"account_no": "xxx-x-x7890"');
    expect(masked).toContain('"account_name": "สมชาย จ."');
    expect(masked).not.toContain("56789");
    expect(masked.split("\n")).toHaveLength(6);
    expect(showBody(gateway, true)).toContain('"account_no": "123-4-56789-0"');
  });

  it("masks inside text cut short by the size bound, which is not JSON any more", () => {
    const cut = `${gateway.slice(0, 70)}…[truncated]`;
    const shown = showBody(cut, false) ?? "";
    expect(shown).toContain('"account_no":"xxx-x-x7890"');
    expect(shown).not.toContain("56789");
  });

  it("leaves other text alone and keeps null as null", () => {
    expect(showBody("status=ok", false)).toBe("status=ok");
    expect(showBody(null, false)).toBeNull();
  });
});
