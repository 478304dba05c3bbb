import { describe, expect, it } from "vitest";

import en from "@/lib/i18n/messages/en.json";
import th from "@/lib/i18n/messages/th.json";
import { wordsOf } from "@/lib/i18n/words";

import { FAILURE_REASON_CODES, failureReasonCode } from "./failure-reasons";

describe("failure reasons", () => {
  it("gives every reason code a label in both languages, short enough for a chart's axis", () => {
    for (const messages of [th, en]) {
      const labels = messages.reasons as Record<string, string>;
      expect(Object.keys(labels).sort()).toEqual([...FAILURE_REASON_CODES].sort());
      for (const code of FAILURE_REASON_CODES) {
        expect(labels[code], code).toBeTruthy();
        expect([...(labels[code] ?? "")].length, code).toBeLessThanOrEqual(24);
      }
    }
  });

  it("stores P2W's known sentences as their codes, and keeps an unknown one as it came", () => {
    expect(failureReasonCode("Invalid game ID: player not found")).toBe("PLAYER_NOT_FOUND");
    expect(failureReasonCode("INVALID_GAME_ID")).toBe("PLAYER_NOT_FOUND");
    expect(failureReasonCode("Character is banned from receiving items")).toBe("PLAYER_BANNED");
    expect(failureReasonCode("Game server under maintenance")).toBe("GAME_MAINTENANCE");
    expect(failureReasonCode("Publisher rejected the top-up: daily limit reached")).toBe(
      "DAILY_LIMIT",
    );
    expect(failureReasonCode("INSUFFICIENT_BALANCE")).toBe("INSUFFICIENT_BALANCE");
    expect(failureReasonCode("Region locked")).toBe("Region locked");
  });

  it("labels a stored reason, old sentences included, in the page's language", () => {
    const t = Object.assign((key: string) => lookup(th, key), {
      has: (key: string) => lookup(th, key) !== undefined,
      raw: (key: string) => lookup(th, key),
    });
    const words = wordsOf(t);
    expect(words.reason("Invalid game ID: player not found")).toBe("ไม่พบไอดีผู้เล่น");
    expect(words.reason("INVALID_GAME_ID")).toBe("ไม่พบไอดีผู้เล่น");
    expect(words.reason("PLAYER_NOT_FOUND")).toBe("ไม่พบไอดีผู้เล่น");
    expect(words.reason("Region locked")).toBe("Region locked");
  });
});

function lookup(messages: object, key: string): string | undefined {
  const value = key
    .split(".")
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], messages);
  return typeof value === "string" ? value : undefined;
}
