import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import en from "./messages/en.json";
import th from "./messages/th.json";
import { wordsOf } from "./words";

describe("words for stored codes", () => {
  const english = wordsOf(createTranslator({ locale: "en", messages: en }));
  const thai = wordsOf(createTranslator({ locale: "th", messages: th }));

  it("names statuses and banks in the person's language, unknown codes as they are", () => {
    expect(english.status("success")).toBe("Paid");
    expect(thai.status("success")).toBe(th.status.success);
    expect(english.bank("KBANK")).toBe("Kasikornbank");
    expect(thai.bank("KBANK")).toBe("กสิกรไทย");
    expect(english.bank("NEWBANK")).toBe("NEWBANK");
  });

  it("gives a reason code its sentence and keeps an upstream's own words", () => {
    expect(english.reason("UPSTREAM_NETWORK")).toBe(en.errors.UPSTREAM_NETWORK);
    expect(thai.reason("UPSTREAM_NETWORK")).toBe(th.errors.UPSTREAM_NETWORK);
    expect(english.reason("Region locked for this account")).toBe("Region locked for this account");
    // A sentence P2W is known to send is labelled by its code.
    expect(english.reason("Game server under maintenance")).toBe(en.reasons.GAME_MAINTENANCE);
    // A sentence that needs values the stored code does not carry stays a code.
    expect(english.reason("VALIDATION")).toBe("VALIDATION");
    expect(english.reason(null)).toBe("");
  });

  it("words a reason the upstream sends as a code even where the error sentence needs values", () => {
    expect(english.reason("INSUFFICIENT_BALANCE")).toBe(en.reasons.INSUFFICIENT_BALANCE);
    expect(thai.reason("INSUFFICIENT_BALANCE")).toBe(th.reasons.INSUFFICIENT_BALANCE);
  });

  it("names who did something: a person by name, the system by its part", () => {
    expect(english.actor("user:7", "Malee Support")).toBe("Malee Support");
    expect(english.actor("system:callback")).toBe("System (callback)");
    expect(thai.actor("system:reconciler")).toBe(th.actors.reconciler);
    expect(english.actor("system:something-new")).toBe("System");
    expect(english.actor("user:99")).toBe("A removed user");
    expect(english.actor("sandbox")).toBe("sandbox");
  });
});
