import { describe, expect, it } from "vitest";

import { withTx } from "@/db/client";
import { rawExec } from "@/db/raw";
import { packages, topups, users, withdrawals } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";

import { searchTerms } from "./keyset";
import { listTopups } from "./topups";
import { listWithdrawals } from "./withdrawals";

async function seeded() {
  const db = tempDb();
  await withTx(db, async (tx) => {
    await tx.insert(users).values({ email: "s@x", name: "S", role: "support", passwordHash: "x" });
    await tx.insert(packages).values({
      packageId: "P1",
      game: "G",
      name: { th: "a", en: "b" },
      priceSatang: 100,
      active: true,
      fields: [],
    });
    const topup = {
      packageId: "P1",
      topupInfo: {},
      priceSatang: 100,
      createdBy: 1,
      requestHash: "h",
    };
    await tx.insert(topups).values([
      {
        ...topup,
        refId: "TU-01AAA",
        orderId: "P2W100",
        gameId: "ff-777001",
        status: "pending",
        idempotencyKey: "k1",
      },
      {
        ...topup,
        refId: "TU-01BBB",
        orderId: "P2W200",
        gameId: "Player-Nine",
        status: "pending",
        idempotencyKey: "k2",
      },
      {
        ...topup,
        refId: "TU-01CCC",
        orderId: null,
        gameId: null,
        status: "submitting",
        idempotencyKey: "k3",
      },
    ]);
    await tx.insert(withdrawals).values([
      {
        platformOrderId: "AAAW20260101AAAAAAAAAAAA",
        merchantOrderId: "PAYOUT-2026-000005",
        bank: "KBANK",
        accountNo: "6117707022",
        accountName: "สมชาย วงศ์สวัสดิ์",
        amountSatang: 100,
        status: "success",
        orderedAt: new Date(1),
      },
      {
        platformOrderId: "AAAW20260101BBBBBBBBBBBB",
        merchantOrderId: "PAYOUT-2026-000006",
        bank: "SCB",
        accountNo: "1234509876",
        accountName: "วิชัย ทองคำ",
        amountSatang: 100,
        status: "open",
        orderedAt: new Date(2),
      },
    ]);
  });
  return db;
}

const page = { limit: 50 } as const;

describe("the search box", () => {
  it("finds a player id by any case and any fragment of 3+ characters", async () => {
    const db = await seeded();
    const refsOf = async (q: string) =>
      (await listTopups(db, { q }, { sort: "created_desc", ...page })).map((t) => t.refId);
    for (const q of ["ff-777001", "FF-777001", "777001", "-777", "ff-7", "PLAYER-nine", "nine"])
      expect(await refsOf(q), q).toHaveLength(1);
    expect(await refsOf("777001")).toEqual(["TU-01AAA"]);
    // Ids by prefix in either case; two characters are still a prefix.
    expect(await refsOf("tu-01a")).toEqual(["TU-01AAA"]);
    expect(await refsOf("p2w2")).toEqual(["TU-01BBB"]);
    expect(await refsOf("ff")).toEqual(["TU-01AAA"]);
    expect(await refsOf("888")).toEqual([]);
  });

  it("finds an id by the tail a list shows, or any fragment, in any case", async () => {
    const db = await seeded();
    const refsOf = async (q: string) =>
      (await listTopups(db, { q }, { sort: "created_desc", ...page })).map((t) => t.refId);
    expect(await refsOf("1bbb")).toEqual(["TU-01BBB"]);
    expect(await refsOf("w20")).toEqual(["TU-01BBB"]);
    // A P2W order id that arrived after the row was written is found by its fragment too.
    await rawExec(db, "update topups set order_id = 'P2W-LATE-9Q7' where ref_id = 'TU-01CCC'");
    expect(await refsOf("late-9q")).toEqual(["TU-01CCC"]);
    const idsOf = async (q: string) =>
      (await listWithdrawals(db, { q }, { sort: "ordered_desc", ...page })).map(
        (w) => w.platformOrderId,
      );
    expect(await idsOf("bbbbbbbb")).toEqual(["AAAW20260101BBBBBBBBBBBB"]);
    expect((await idsOf("aaaw2026")).sort()).toEqual([
      "AAAW20260101AAAAAAAAAAAA",
      "AAAW20260101BBBBBBBBBBBB",
    ]);
    expect(await idsOf("2026-000006")).toEqual(["AAAW20260101BBBBBBBBBBBB"]);
    // A long one is looked up by its end and checked whole: the same end on another id is no match.
    expect(await idsOf("aaaw20260101bbbbbbbbbbbb")).toEqual(["AAAW20260101BBBBBBBBBBBB"]);
    expect(await idsOf("ZZZW20260101BBBBBBBBBBBB")).toEqual([]);
  });

  it("finds a withdrawal by a dashed account number, its last digits, or a surname alone", async () => {
    const db = await seeded();
    const idsOf = async (q: string) =>
      (await listWithdrawals(db, { q }, { sort: "ordered_desc", ...page })).map(
        (w) => w.platformOrderId,
      );
    const first = ["AAAW20260101AAAAAAAAAAAA"];
    expect(await idsOf("611-7-70702-2")).toEqual(first);
    expect(await idsOf("611 770 7022")).toEqual(first);
    expect(await idsOf("7022")).toEqual(first);
    expect(await idsOf("วงศ์สวัสดิ์")).toEqual(first);
    expect(await idsOf("payout-2026-000005")).toEqual(first);
    expect(await idsOf("ทองคำ")).toEqual(["AAAW20260101BBBBBBBBBBBB"]);
    expect(await idsOf("9999")).toEqual([]);
  });

  it("looks a typed value up as typed, in both cases, and as bare digits", () => {
    expect(searchTerms("ff-7")).toEqual(["ff-7", "FF-7"]);
    expect(searchTerms("611-7-70702-2")).toEqual(["611-7-70702-2", "6117707022"]);
    expect(searchTerms("สมชาย")).toEqual(["สมชาย"]);
  });
});
