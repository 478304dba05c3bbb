import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { type Db, withTx } from "@/db/client";
import { insertCallback } from "@/db/queries/callbacks";
import { insertTopupOnce } from "@/db/queries/topups";
import { auditLog, balanceSnapshots } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { DEFAULT_SETTINGS } from "@/lib/settings/definitions";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";

import { currentWarnings } from "./warnings";

/**
 * The banner's warnings on a real database: raised under the level, kept inside the gap,
 * cleared past it; each crossing written once to the audit log as a system event, however
 * many pages ask at the same moment.
 */
const settings = { ...DEFAULT_SETTINGS, lowBalanceBaht: 20_000, warningClearGapPercent: 10 };
const MINUTE = 60_000;

async function balance(db: Db, satang: number, at: Date) {
  await withTx(db, (tx) =>
    tx
      .insert(balanceSnapshots)
      .values({ upstream: "p2w", balanceSatang: satang, source: "test", confirmed: true, at }),
  );
}

const audits = (db: Db, action: string) =>
  db.select().from(auditLog).where(eq(auditLog.action, action));

describe("the banner's warnings", () => {
  it("raise a low balance once, keep it inside the gap, clear it past the gap", async () => {
    const db = tempDb();
    const t0 = new Date("2026-11-23T03:00:00Z");
    const at = (m: number) => new Date(t0.getTime() + m * MINUTE);
    await balance(db, 2_500_000, at(0));
    expect((await currentWarnings(db, settings, at(1))).map((w) => w.key)).toEqual([]);

    // An unconfirmed figure (a forged callback) moves nothing.
    await withTx(db, (tx) =>
      tx.insert(balanceSnapshots).values({
        upstream: "p2w",
        balanceSatang: 100,
        source: "forged",
        confirmed: false,
        at: at(2),
      }),
    );
    expect(await currentWarnings(db, settings, at(2))).toEqual([]);

    await balance(db, 1_900_000, at(3));
    const [raised, again] = await Promise.all([
      currentWarnings(db, settings, at(4)),
      currentWarnings(db, settings, at(4)),
    ]);
    expect(raised.map((w) => w.key)).toContain("low_balance");
    expect(again.map((w) => w.key)).toContain("low_balance");
    const raisedRows = await audits(db, "warning.raised");
    expect(raisedRows.filter((r) => r.targetId === "low_balance")).toHaveLength(1);
    expect(raisedRows[0]).toMatchObject({ actorId: null, targetType: "warning" });
    expect(raisedRows[0]?.details).toMatchObject({
      balanceSatang: 1_900_000,
      thresholdSatang: 2_000_000,
    });

    // Back over ฿20,000 but under ฿22,000: still raised, since the same moment.
    await balance(db, 2_100_000, at(5));
    const kept = await currentWarnings(db, settings, at(6));
    expect(kept.find((w) => w.key === "low_balance")?.since).toBe(at(4).toISOString());

    await balance(db, 2_200_000, at(7));
    expect((await currentWarnings(db, settings, at(8))).map((w) => w.key)).not.toContain(
      "low_balance",
    );
    expect(await audits(db, "warning.cleared")).toHaveLength(1);
    expect(
      (await audits(db, "warning.raised")).filter((r) => r.targetId === "low_balance"),
    ).toHaveLength(1);
  });

  it("warn of a short runway from the last three hours' spending", async () => {
    const db = tempDb();
    const now = new Date("2026-11-23T06:00:00Z");
    const ago = (m: number) => new Date(now.getTime() - m * MINUTE);
    // ฿30,000 spent in three hours: ฿10,000 an hour; ฿50,000 left lasts 5 h < 12 h.
    await balance(db, 8_000_000, ago(180));
    await balance(db, 6_500_000, ago(90));
    await balance(db, 5_000_000, ago(1));
    const warnings = await currentWarnings(db, settings, now);
    const runway = warnings.find((w) => w.key === "short_runway");
    expect(runway?.detail).toMatchObject({ runwayHours: 5, perHourSatang: 1_000_000 });
    expect(warnings.map((w) => w.key)).not.toContain("low_balance");
  });

  it("warn of silent callbacks only while an order has waited longer than the setting", async () => {
    const db = tempDb();
    await seedCatalog(db);
    const user = await seedUser(db, "support");
    const now = new Date();
    const silence = (w: Awaited<ReturnType<typeof currentWarnings>>) =>
      w.filter((x) => x.key === "callback_silence_p2w");
    // Nothing waits: no warning, however long the silence.
    expect(silence(await currentWarnings(db, settings, now))).toHaveLength(0);

    await insertTopupOnce(
      db,
      {
        refId: "TU-SILENT",
        packageId: "FF_TH_D100",
        topupInfo: { playerid: "1" },
        status: "pending",
        priceSatang: 3_500,
        createdBy: user.id,
        idempotencyKey: "silent",
        requestHash: "h",
        createdAt: new Date(now.getTime() - 40 * MINUTE),
      },
      { fromStatus: null, toStatus: "pending", kind: "applied", source: "create", actor: "t" },
    );
    const raised = silence(await currentWarnings(db, settings, now));
    expect(raised).toHaveLength(1);
    expect(raised[0]?.detail).toMatchObject({ upstream: "p2w", lastAcceptedAt: null, minutes: 30 });

    // A refused callback is not a sign of life; an accepted one is.
    await insertCallback(db, {
      upstream: "p2w",
      rawBody: "{}",
      verification: "bad-token",
      result: "refused",
      receivedAt: now,
    });
    expect(silence(await currentWarnings(db, settings, now))).toHaveLength(1);
    await insertCallback(db, {
      upstream: "p2w",
      rawBody: "{}",
      verification: "ok",
      result: "applied",
      receivedAt: now,
    });
    expect(silence(await currentWarnings(db, settings, now))).toHaveLength(0);
    expect(
      (await audits(db, "warning.cleared")).filter((r) => r.targetId === "callback_silence_p2w"),
    ).toHaveLength(1);
  });
});
