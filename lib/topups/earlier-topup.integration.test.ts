import { describe, expect, it } from "vitest";

import { updateSettings } from "@/lib/settings/settings";
import { topupHarness } from "@/lib/testing/topup-harness";

import { createTopup } from "./create-topup";
import { earlierTopup } from "./earlier-topup";

const h = topupHarness();

describe("the duplicate-submit warning", () => {
  it("names an earlier top-up of the same package for the same player within the window", async () => {
    const first = await createTopup(h.deps, h.person, h.order({ idempotencyKey: "dup-first" }));
    // Typed again with a space: the player's id as the create stores it.
    const draft = h.order({ topupInfo: { gameid: " player-42 ", server: "1" } });
    const found = await earlierTopup(h.db, h.person, { ...draft, idempotencyKey: "dup-second" });
    expect(found).toMatchObject({ refId: first.topup.refId, windowMinutes: 10 });

    // The draft's own key is the same order sent again, not a second one.
    expect(
      await earlierTopup(h.db, h.person, { ...h.order(), idempotencyKey: "dup-first" }),
    ).toBeNull();
    // Another player, another package, or later than the window: no warning.
    const other = h.order({ topupInfo: { gameid: "player-2", server: "1" } });
    expect(await earlierTopup(h.db, h.person, other)).toBeNull();
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await earlierTopup(h.db, h.person, h.order(), later)).toBeNull();
  });

  it("is off when the window is 0", async () => {
    await createTopup(h.deps, h.person, h.order({ idempotencyKey: "dup-off" }));
    await updateSettings(h.db, h.person, { duplicateSubmitWindowMinutes: 0 });
    expect(await earlierTopup(h.db, h.person, h.order())).toBeNull();
  });
});
