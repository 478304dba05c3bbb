import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { listHistory } from "@/db/queries/history";
import { getTopup } from "@/db/queries/topups";
import { balanceSnapshots, topups, upstreamCalls } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { waitFor } from "@/lib/testing/receiver";
import { topupHarness } from "@/lib/testing/topup-harness";

import { createTopup } from "./create-topup";

const h = topupHarness();

describe("create", () => {
  it("stores the order before the call, then follows it to succeeded through a confirmed callback", async () => {
    const { topup, created } = await createTopup(h.deps, h.person, h.order());
    expect(created).toBe(true);
    expect(topup.status).toBe("pending");
    expect(topup.refId).toMatch(/^TU-[0-9A-HJKMNP-TV-Z]{26}$/);
    const done = await waitFor(async () => {
      const row = await getTopup(h.db, topup.refId);
      return row?.status === "succeeded" ? row : undefined;
    });
    expect(done.completedAt).toBeInstanceOf(Date);
    const history = await listHistory(h.db, "topup", topup.refId);
    expect(history.map((h) => [h.source, h.fromStatus, h.toStatus, h.kind])).toEqual([
      ["create", null, "submitting", "applied"],
      ["create", "submitting", "pending", "applied"],
      ["callback", "pending", "succeeded", "applied"],
    ]);
    expect(history[2]?.details).toMatchObject({
      confirmedBy: "requery",
      callbackStatus: "successed",
    });
  });

  it("makes one upstream order from five concurrent submissions with one key", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        createTopup(h.deps, h.person, h.order({ idempotencyKey: "key-double-click" })),
      ),
    );
    const refIds = new Set(results.map((r) => r.topup.refId));
    expect(refIds.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(h.upstreamOrdersFor([...refIds][0] ?? "")).toHaveLength(1);
    expect(
      (await h.db.select().from(upstreamCalls)).filter((c) => c.operation === "create_order"),
    ).toHaveLength(1);
  });

  it("refuses the same key for a different order, changing nothing", async () => {
    await createTopup(h.deps, h.person, h.order({ idempotencyKey: "key-1" }));
    const error = await createTopup(
      h.deps,
      h.person,
      h.order({ idempotencyKey: "key-1", topupInfo: { gameid: "other", server: "1" } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("refuses bad fields before anything is stored or sent", async () => {
    for (const [info, code] of [
      [{ gameid: "x" }, "FIELD_NOT_CHOSEN"],
      [{ server: "1" }, "FIELD_REQUIRED"],
      [{ gameid: "x".repeat(101), server: "1" }, "FIELD_TOO_LONG"],
      [{ gameid: "x", server: "7" }, "FIELD_INVALID_OPTION"],
      [{ gameid: "x", server: "1", extra: "y" }, "FIELD_UNKNOWN"],
    ] as const) {
      const error = await createTopup(h.deps, h.person, h.order({ topupInfo: info })).catch(
        (e: unknown) => e,
      );
      expect((error as AppError).code).toBe(code);
    }
    await expect(
      createTopup(
        h.deps,
        h.person,
        h.order({ packageId: "VALO_TH_VP1000", topupInfo: { riotid: "a#b" } }),
      ),
    ).rejects.toMatchObject({
      code: "PACKAGE_INACTIVE",
    });
    // No order was sent. (A late callback of the previous test's order may still be
    // confirmed by a re-query here: the sandbox retries callbacks after this test began.)
    expect(
      await h.db.select().from(upstreamCalls).where(eq(upstreamCalls.operation, "create_order")),
    ).toHaveLength(0);
  });

  it("refuses ids a person cannot see, naming the field, and sends nothing", async () => {
    const hidden = [
      "player\u0000",
      "pl\tayer",
      "pl\nayer",
      "player\u0007",
      "player\u007f",
      "player\u0085",
      "player\u200b",
      "pla\u200cyer",
      "pla\u200dyer",
      "player\u2060",
      "pla\u00adyer",
      "pla\ufeffyer",
      "player\u200e",
      "player\u200f",
      "\u202aplayer",
      "\u202bplayer",
      "\u202cplayer",
      "\u202dplayer",
      "\u202eplayer",
      "\u2066player",
      "\u2067player",
      "\u2068player",
      "player\u2069",
      "player\u061c",
      "pla\u2028yer",
      "pla\u2029yer",
      "player\ue000",
      "player\ud800",
      "\udc00player",
      "player\u180e",
      "pla\u034f\u200byer",
      "player\u{e0001}",
      "player\u{f0000}",
    ];
    expect(hidden).toHaveLength(33);
    const upstreamOrders = h.sandbox.orders.size;
    for (const gameid of hidden) {
      const error = await createTopup(
        h.deps,
        h.person,
        h.order({ topupInfo: { gameid, server: "1" } }),
      ).catch((e: unknown) => e);
      expect(error, JSON.stringify(gameid)).toMatchObject({
        code: "INVISIBLE_CHARACTERS",
        params: { field: "gameid" },
      });
    }
    expect(await h.db.select().from(topups)).toHaveLength(0);
    expect(await h.db.select().from(upstreamCalls)).toHaveLength(0);
    expect(h.sandbox.orders.size).toBe(upstreamOrders);

    // Composed the other way (NFD) or padded, the same player is one spelling.
    const { topup } = await createTopup(
      h.deps,
      h.person,
      h.order({ topupInfo: { gameid: " Jose\u0301 ", server: "1" } }),
    );
    expect(topup.topupInfo.gameid).toBe("Jos\u00e9");
  });

  it("shows INSUFFICIENT_BALANCE with the last known balance, and the order is failed, not pending", async () => {
    await createTopup(h.deps, h.person, h.order());
    await waitFor(async () => (await h.db.select().from(balanceSnapshots).limit(1))[0]);
    h.sandbox.balanceSatang = 100;
    const result = await createTopup(h.deps, h.person, h.order());
    expect(result.error?.code).toBe("INSUFFICIENT_BALANCE");
    expect(result.error?.params.balance).toMatch(/^฿[\d,]+\.\d\d$/);
    // …and says when it was known.
    expect(result.error?.params.balanceAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(result.topup).toMatchObject({
      status: "failed",
      reason: "INSUFFICIENT_BALANCE",
      nextCheckAt: null,
    });
  });

  it("an ambiguous create is unknown, never re-sent, and a callback matched by refID resolves it", async () => {
    h.sandbox.faults.set([{ op: "create", kind: "reset_after_commit", times: 1 }]);
    const { topup } = await createTopup(h.deps, h.person, h.order());
    expect(topup).toMatchObject({
      status: "unknown",
      orderId: null,
      needsReview: "unknown_outcome",
    });
    const resolved = await waitFor(async () => {
      const row = await getTopup(h.db, topup.refId);
      return row?.status === "succeeded" ? row : undefined;
    });
    expect(resolved.orderId).toBe(h.upstreamOrdersFor(topup.refId)[0]?.orderID);
    expect(resolved.needsReview).toBeNull();
    expect(h.upstreamOrdersFor(topup.refId)).toHaveLength(1);
    expect(
      (await h.db.select().from(upstreamCalls)).filter((c) => c.operation === "create_order"),
    ).toHaveLength(1);
  });
});
