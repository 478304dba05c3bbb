import { eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { type Db, withTx } from "@/db/client";
import { insertCallback } from "@/db/queries/callbacks";
import { insertTopupOnce } from "@/db/queries/topups";
import {
  alertDeliveries,
  alerts,
  heartbeats,
  refusedCallbackTally,
  reviewItems,
  upstreamCalls,
} from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import {
  admin,
  at,
  events,
  HOUR,
  MINUTE,
  setSetting,
  snapshot,
  threeChannels,
  alertReceiversForFile,
} from "@/lib/testing/alerts";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";

import { createChannel } from "./channel-admin";
import { evaluateAlerts } from "./loop";
import { drainOutbox } from "./sender";

/**
 * Each alert's life on a real database: raised once per channel, repeated, resolved; the
 * hysteresis; quiet hours. Sent over real HTTP and SMTP to the sandbox's stand-ins.
 */
const receivers = alertReceiversForFile();

type Case = {
  kind: string;
  /** Makes the kind's condition true at `at` (called before each evaluation while raised). */
  raise: (db: Db, at: Date) => Promise<void>;
  clear: (db: Db, at: Date) => Promise<void>;
};

let topupCount = 0;
const CASES: Case[] = [
  {
    kind: "balance_low",
    raise: (db, at) => snapshot(db, 1_000_000, at),
    clear: (db, at) => snapshot(db, 5_000_000, at),
  },
  {
    kind: "balance_runway",
    raise: async (db, at) => {
      // Falling ฿10,000 an hour from ฿60,000: a few hours left, under the 12 h warning.
      for (const h of [3, 2, 1, 0])
        await snapshot(db, 6_000_000 - (3 - h) * 1_000_000, new Date(at.getTime() - h * HOUR));
    },
    clear: async (db) => setSetting(db, "runwayWarningHours", 1),
  },
  {
    kind: "callback_silence",
    raise: async (db, at) => {
      if (topupCount++ % 10 !== 0) return;
      const user = await seedUser(db, "support", `s${topupCount}@example.com`);
      await insertTopupOnce(
        db,
        {
          refId: `TU-SILENT-${topupCount}`,
          packageId: "FF_TH_D100",
          topupInfo: { playerid: "1" },
          status: "pending",
          priceSatang: 3_500,
          createdBy: user.id,
          idempotencyKey: `silent-${topupCount}`,
          requestHash: "h",
          createdAt: new Date(at.getTime() - 40 * MINUTE),
        },
        { fromStatus: null, toStatus: "pending", kind: "applied", source: "create", actor: "t" },
      );
    },
    clear: async (db, at) => {
      await insertCallback(db, {
        upstream: "p2w",
        rawBody: "{}",
        verification: "ok",
        result: "applied",
        receivedAt: at,
      });
    },
  },
  {
    kind: "callbacks_refused",
    raise: async (db, at) => {
      await withTx(db, (tx) =>
        tx
          .insert(refusedCallbackTally)
          .values({
            upstream: "p2w",
            ip: "*",
            minute: new Date(Math.floor(at.getTime() / MINUTE) * MINUTE),
            stored: 8,
          })
          .onConflictDoNothing(),
      );
    },
    clear: async () => {}, // the 15 minutes pass
  },
  {
    kind: "upstream_errors",
    raise: async (db, at) => {
      for (let i = 0; i < 10; i++)
        await withTx(db, (tx) =>
          tx.insert(upstreamCalls).values({
            at: new Date(at.getTime() - MINUTE),
            upstream: "p2w",
            operation: "create_order",
            actor: "test",
            attempt: 1,
            durationMs: 50,
            outcome: i < 6 ? "error" : "ok",
          }),
        );
    },
    clear: async () => {}, // the 5 minutes pass
  },
  {
    kind: "review_overdue",
    raise: async (db, at) => {
      await withTx(db, (tx) =>
        tx.insert(reviewItems).values({
          kind: "topup",
          entityId: `TU-LATE-${at.getTime()}`,
          reason: "failed",
          openedAt: new Date(at.getTime() - 9 * HOUR),
        }),
      );
    },
    clear: async (db, at) => {
      await withTx(db, (tx) =>
        tx.update(reviewItems).set({ resolvedAt: at }).where(isNull(reviewItems.resolvedAt)),
      );
    },
  },
  {
    kind: "reconciler_stalled",
    raise: async (db, at) => {
      await withTx(db, (tx) =>
        tx
          .insert(heartbeats)
          .values({ name: "reconciler", at: new Date(at.getTime() - 11 * MINUTE) })
          .onConflictDoUpdate({
            target: heartbeats.name,
            set: { at: new Date(at.getTime() - 11 * MINUTE) },
          }),
      );
    },
    clear: async (db, at) => {
      await withTx(db, (tx) =>
        tx.update(heartbeats).set({ at }).where(eq(heartbeats.name, "reconciler")),
      );
    },
  },
];

describe("an alert's life", () => {
  for (const c of CASES)
    it(`${c.kind}: raised once per channel, repeated after the repeat hours, resolved once`, async () => {
      const db = tempDb();
      await seedCatalog(db);
      await setSetting(db, "digestTime", 1_439); // no digest in the way
      const { slack, line, email } = await threeChannels(db, receivers.current);
      const ids = [slack.id, line.id, email.id];
      const expectEvents = async (list: string[]) =>
        expect((await events(db)).sort()).toEqual(
          list.flatMap((e) => ids.map((id) => `${e}:${id}`)).sort(),
        );

      await c.raise(db, at(0));
      await evaluateAlerts(db, at(0));
      await expectEvents(["raised"]);
      const [alert] = await db.select().from(alerts);
      expect(alert?.kind).toBe(c.kind);

      // Still raised a minute later: nothing more.
      await c.raise(db, at(MINUTE));
      await evaluateAlerts(db, at(MINUTE));
      await expectEvents(["raised"]);

      // Past the repeat hours (default 4): one repeat each.
      await c.raise(db, at(4 * HOUR + MINUTE));
      await evaluateAlerts(db, at(4 * HOUR + MINUTE));
      await evaluateAlerts(db, at(4 * HOUR + 2 * MINUTE));
      await expectEvents(["raised", "repeat"]);

      await c.clear(db, at(4 * HOUR + 20 * MINUTE));
      await evaluateAlerts(db, at(4 * HOUR + 20 * MINUTE));
      await evaluateAlerts(db, at(4 * HOUR + 21 * MINUTE));
      await expectEvents(["raised", "repeat", "resolved"]);
      const [resolved] = await db
        .select()
        .from(alerts)
        .where(eq(alerts.kind, c.kind as never));
      expect(resolved?.resolvedAt).toEqual(at(4 * HOUR + 20 * MINUTE));
    });

  it("a threshold moved past the figure raises, and moved back resolves with the threshold it cleared at", async () => {
    const db = tempDb();
    await setSetting(db, "digestTime", 1_439);
    await threeChannels(db, receivers.current);
    await snapshot(db, 5_000_000, at(0));
    await setSetting(db, "lowBalanceBaht", 60_000);
    await evaluateAlerts(db, at(0));
    await setSetting(db, "lowBalanceBaht", 20_000);
    await evaluateAlerts(db, at(MINUTE));
    await drainOutbox(db, { now: () => at(MINUTE + 1000) });
    const mail = receivers.current.received.filter((r) => r.channel === "email").map((r) => r.text);
    expect(mail[0]).toContain("The P2W balance is ฿50,000.00, under the threshold of ฿60,000.00.");
    expect(mail[1]).toContain("The P2W balance is now ฿50,000.00 (threshold ฿20,000.00).");
  });

  it("hysteresis: a balance wobbling at its threshold sends nothing more", async () => {
    const db = tempDb();
    await setSetting(db, "digestTime", 1_439);
    await threeChannels(db, receivers.current);
    for (const [i, baht] of [19_900, 20_100, 19_950, 21_000, 19_990].entries()) {
      await snapshot(db, baht * 100, at(i * MINUTE));
      await evaluateAlerts(db, at(i * MINUTE));
    }
    expect(await events(db)).toHaveLength(3);
    expect((await events(db)).every((e) => e.startsWith("raised"))).toBe(true);
  });

  it("quiet hours hold a warning until they end and let a critical through", async () => {
    const db = tempDb();
    await setSetting(db, "digestTime", 1_439);
    await seedUser(db, "admin", admin.email);
    await createChannel(db, admin, {
      kind: "slack",
      name: "night",
      locale: "en",
      target: { webhookUrl: `${receivers.current.url}/slack/night` },
      alerts: "all",
      digest: false,
      minSeverity: "warning",
      quietHours: { from: "22:00", to: "07:00" },
      active: true,
    });
    const night = new Date("2026-11-20T20:00:00Z"); // 03:00 in Bangkok
    await withTx(db, (tx) =>
      tx.insert(reviewItems).values({
        kind: "topup",
        entityId: "TU-NIGHT",
        reason: "failed",
        openedAt: new Date(night.getTime() - 9 * HOUR),
      }),
    );
    await snapshot(db, 100_000, night);
    await evaluateAlerts(db, night);
    await drainOutbox(db, { now: () => night });
    expect(receivers.current.received.map((r) => r.title)).toEqual(["[Critical] P2W balance low"]);
    const held = await db
      .select()
      .from(alertDeliveries)
      .where(eq(alertDeliveries.status, "pending"));
    expect(held.map((d) => d.dueAt)).toEqual([new Date("2026-11-21T00:00:00Z")]); // 07:00 Bangkok
    await drainOutbox(db, { now: () => new Date("2026-11-20T23:59:00Z") });
    expect(receivers.current.received).toHaveLength(1);
    await drainOutbox(db, { now: () => new Date("2026-11-21T00:00:30Z") });
    expect(receivers.current.received.map((r) => r.title)).toEqual([
      "[Critical] P2W balance low",
      "[Warning] Review items overdue",
    ]);
  });
});
