import { describe, expect, it } from "vitest";

import { hasInvisible, normalText, visibleText } from "./text";

describe("visible text", () => {
  const invisible = {
    NUL: "player\u0000",
    "tab inside": "play\ter",
    "newline inside": "play\ner",
    DEL: "player\u007f",
    "C1 control": "player\u0085",
    "zero-width space": "player\u200b1",
    "zero-width joiner": "pla\u200dyer",
    "word joiner": "player\u2060",
    "soft hyphen": "play\u00adER",
    "byte-order mark inside": "play\ufeffer",
    "left-to-right mark": "player\u200e",
    "right-to-left override": "\u202eplayer",
    "right-to-left isolate": "\u2067player\u2069",
    "Arabic letter mark": "player\u061c",
    "line separator": "play\u2028er",
    "private use": "player\ue000",
    "unpaired high surrogate": "player\ud800",
    "unpaired low surrogate": "\udc00player",
  };

  it.each(Object.entries(invisible))("refuses %s", (_name, value) => {
    expect(hasInvisible(value)).toBe(true);
    const parsed = visibleText().safeParse(value);
    expect(parsed.success).toBe(false);
  });

  it.each([
    ["Latin", "player12345"],
    ["Thai with marks", "สมชาย ใจดี"],
    ["Thai digits", "๑๒๓๔"],
    ["dashes and dots", "FF-777001.x_y"],
    ["an emoji (a surrogate pair)", "player😀"],
    ["an inner space", "John Smith"],
  ])("accepts %s", (_name, value) => {
    expect(hasInvisible(value)).toBe(false);
    expect(visibleText().parse(value)).toBe(value);
  });

  it("normalises to NFC and trims, so one name has one spelling", () => {
    const decomposed = "e\u0301"; // e + combining acute
    expect(normalText(`  ${decomposed}  `)).toBe("\u00e9");
    expect(visibleText().parse(" \u00a0player\u3000")).toBe("player");
  });
});

describe("in the look-up's schema", () => {
  it("a pasted id with a zero-width space is refused by its line, not called invalid", async () => {
    const { lookupWithdrawalsSchema } = await import("@/lib/withdrawals/withdrawal-schemas");
    const { toAppError } = await import("@/lib/api/route");
    const parsed = lookupWithdrawalsSchema.safeParse({
      platformOrderIds: ["ABCW20260508abc123XYZ456", "ABCW20260508abc123XYZ45\u200b7"],
    });
    expect(parsed.success).toBe(false);
    expect(toAppError(parsed.error)).toMatchObject({
      code: "INVISIBLE_CHARACTERS_IN_LIST",
      status: 400,
      params: { field: "platformOrderIds", line: 2 },
    });
    const { translateErrorIn } = await import("@/lib/i18n/translate");
    expect(translateErrorIn("en", toAppError(parsed.error))).toMatch(/^The ID on line 2 holds/);
    // Padding is not a character of the id.
    expect(
      lookupWithdrawalsSchema.parse({ platformOrderIds: [" ABCW20260508abc123XYZ456\n"] }),
    ).toEqual({ platformOrderIds: ["ABCW20260508abc123XYZ456"] });
  });
});

describe("in a list's search box", () => {
  it.each([
    ["top-ups", "@/lib/topups/list-query", "parseTopupQuery"],
    ["withdrawals", "@/lib/withdrawals/list-query", "parseWithdrawalQuery"],
  ])(
    "the %s search refuses a hidden character by name and keeps a visible one",
    async (_n, path, name) => {
      const parse = (await import(path))[name] as (p: URLSearchParams) => {
        filter: { q?: string };
      };
      expect(() => parse(new URLSearchParams({ q: "ff-777\u200b001" }))).toThrow(
        expect.objectContaining({ code: "INVISIBLE_CHARACTERS", params: { field: "q" } }),
      );
      expect(parse(new URLSearchParams({ q: " ff-777001\u00a0" })).filter.q).toBe("ff-777001");
    },
  );
});
