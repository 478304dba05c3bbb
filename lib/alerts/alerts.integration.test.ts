import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { type Db, openDb } from "@/db/client";
import { insertCallback } from "@/db/queries/callbacks";
import { insertTopupOnce } from "@/db/queries/topups";
import {
  alertDeliveries,
  alerts,
  balanceSnapshots,
  heartbeats,
  refusedCallbackTally,
  reviewItems,
  settings as settingsTable,
  topupHours,
  upstreamCalls,
} from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";
import { type AlertReceivers, startAlertReceivers } from "@/sandbox/alert-receivers";

import { createChannel } from "./channel-admin";
import { digestIfDue } from "./digest";
import { evaluateAlerts } from "./loop";
import { enqueueTest } from "./outbox";
import { drainOutbox } from "./sender";
import { DEFAULT_SETTINGS } from "@/lib/settings/definitions";
import { getChannel } from "@/db/queries/alerts";

/**
 * Alerts end to end on a real database, sent over real HTTP and SMTP to the sandbox's
 * stand-ins for Slack, LINE and a mail server.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LINE_TOKEN = "line-channel-token-for-tests-0123456789";
let receivers: AlertReceivers;

beforeAll(async () => {
  receivers = await startAlertReceivers({
    port: 0,
    smtpPort: 0,
    lineToken: LINE_TOKEN,
    quiet: true,
  });
  process.env.LINE_API_URL = receivers.url;
  process.env.SMTP_URL = receivers.smtpUrl;
  process.env.APP_URL = "https://ops.example.com";
});
beforeEach(() => receivers.reset());
afterAll(() => receivers.close());

const admin = { id: 1, email: "admin@example.com", ip: "127.0.0.1" };

async function threeChannels(db: Db, extra: Record<string, unknown> = {}) {
  await seedUser(db, "admin", admin.email);
  const common = { alerts: "all", digest: true, minSeverity: "warning", active: true, ...extra };
  const slack = await createChannel(db, admin, {
    ...common,
    kind: "slack",
    name: "ops-alerts",
    locale: "th",
    target: { webhookUrl: `${receivers.url}/slack/T000/B000/secretpart` },
  });
  const line = await createChannel(db, admin, {
    ...common,
    kind: "line",
    name: "managers",
    locale: "en",
    target: { to: `U${"a".repeat(32)}`, token: LINE_TOKEN },
  });
  const email = await createChannel(db, admin, {
    ...common,
    kind: "email",
    name: "finance mail",
    locale: "en",
    target: { to: ["finance@example.com"] },
  });
  return { slack, line, email };
}

const events = async (db: Db) =>
  (await db.select().from(alertDeliveries).orderBy(alertDeliveries.id)).map(
    (d) => `${d.event}:${d.channelId}`,
  );

async function setSetting(db: Db, key: string, value: number) {
  await db
    .insert(settingsTable)
    .values({ key, value })
    .onConflictDoUpdate({ target: settingsTable.key, set: { value } });
}

type Case = {
  kind: string;
  /** Makes the kind's condition true at `at` (called before each evaluation while raised). */
  raise: (db: Db, at: Date) => Promise<void>;
  clear: (db: Db, at: Date) => Promise<void>;
};

async function snapshot(db: Db, satang: number, at: Date): Promise<void> {
  await db
    .insert(balanceSnapshots)
    .values({ upstream: "p2w", balanceSatang: satang, source: "test", confirmed: true, at });
}

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
      await db
        .insert(refusedCallbackTally)
        .values({
          upstream: "p2w",
          ip: "*",
          minute: new Date(Math.floor(at.getTime() / MINUTE) * MINUTE),
          stored: 8,
        })
        .onConflictDoNothing();
    },
    clear: async () => {}, // the 15 minutes pass
  },
  {
    kind: "upstream_errors",
    raise: async (db, at) => {
      for (let i = 0; i < 10; i++)
        await db.insert(upstreamCalls).values({
          at: new Date(at.getTime() - MINUTE),
          upstream: "p2w",
          operation: "create_order",
          actor: "test",
          attempt: 1,
          durationMs: 50,
          outcome: i < 6 ? "error" : "ok",
        });
    },
    clear: async () => {}, // the 5 minutes pass
  },
  {
    kind: "review_overdue",
    raise: async (db, at) => {
      await db.insert(reviewItems).values({
        kind: "topup",
        entityId: `TU-LATE-${at.getTime()}`,
        reason: "failed",
        openedAt: new Date(at.getTime() - 9 * HOUR),
      });
    },
    clear: async (db, at) => {
      await db.update(reviewItems).set({ resolvedAt: at }).where(isNull(reviewItems.resolvedAt));
    },
  },
  {
    kind: "reconciler_stalled",
    raise: async (db, at) => {
      await db
        .insert(heartbeats)
        .values({ name: "reconciler", at: new Date(at.getTime() - 11 * MINUTE) })
        .onConflictDoUpdate({
          target: heartbeats.name,
          set: { at: new Date(at.getTime() - 11 * MINUTE) },
        });
    },
    clear: async (db, at) => {
      await db.update(heartbeats).set({ at }).where(eq(heartbeats.name, "reconciler"));
    },
  },
];

describe("alerts", () => {
  const t0 = new Date("2026-11-20T05:00:00Z"); // 12:00 in Bangkok: no quiet hours, after the digest
  const at = (ms: number) => new Date(t0.getTime() + ms);

  for (const c of CASES)
    it(`${c.kind}: raised once per channel, repeated after the repeat hours, resolved once`, async () => {
      const db = tempDb();
      await seedCatalog(db);
      await setSetting(db, "digestTime", 1_439); // no digest in the way
      const { slack, line, email } = await threeChannels(db);
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

  it("sends each message to Slack, LINE and e-mail in the channel's language, once", async () => {
    const db = tempDb();
    await setSetting(db, "digestTime", 1_439);
    await threeChannels(db);
    await snapshot(db, 1_234_500, at(0));
    await evaluateAlerts(db, at(0));
    expect(await drainOutbox(db, { now: () => at(1000) })).toBe(3);
    expect(await drainOutbox(db, { now: () => at(2000) })).toBe(0);
    const got = Object.fromEntries(receivers.received.map((r) => [r.channel, r]));
    expect(got.slack?.title).toBe("[วิกฤต] ยอดเงิน P2W ต่ำ");
    expect(got.slack?.text).toContain("฿12,345.00");
    expect(got.slack?.text).toContain("https://ops.example.com/");
    expect(got.line?.title).toBe("[Critical] P2W balance low");
    expect(got.line?.to).toBe(`U${"a".repeat(32)}`);
    expect(got.email?.title).toBe("[Critical] P2W balance low");
    expect(got.email?.to).toBe("finance@example.com");
    expect(got.email?.text).toContain(
      "The P2W balance is ฿12,345.00, under the threshold of ฿20,000.00.",
    );
    expect((got.email?.body as { html: string }).html).toContain("<h2");
    const blocks = (got.slack?.body as { blocks: { type: string }[] }).blocks;
    expect(blocks.map((b) => b.type)).toEqual(["header", "section", "context"]);

    await snapshot(db, 9_000_000, at(HOUR));
    await evaluateAlerts(db, at(HOUR));
    await drainOutbox(db, { now: () => at(HOUR + 1000) });
    const resolved = receivers.received.filter((r) => r.title.includes("Resolved"));
    expect(resolved.map((r) => r.channel).sort()).toEqual(["email", "line"]);
    expect(resolved[0]?.text).toContain("Lasted 1 h 0 min");
    expect(resolved[0]?.text).toContain(
      "The P2W balance is now ฿90,000.00 (threshold ฿20,000.00).",
    );
    expect(receivers.received.find((r) => r.title === "[คลี่คลายแล้ว] ยอดเงิน P2W ต่ำ")).toBeDefined();
  });

  it("a threshold moved past the figure raises, and moved back resolves with the threshold it cleared at", async () => {
    const db = tempDb();
    await setSetting(db, "digestTime", 1_439);
    await threeChannels(db);
    await snapshot(db, 5_000_000, at(0));
    await setSetting(db, "lowBalanceBaht", 60_000);
    await evaluateAlerts(db, at(0));
    await setSetting(db, "lowBalanceBaht", 20_000);
    await evaluateAlerts(db, at(MINUTE));
    await drainOutbox(db, { now: () => at(MINUTE + 1000) });
    const mail = receivers.received.filter((r) => r.channel === "email").map((r) => r.text);
    expect(mail[0]).toContain("The P2W balance is ฿50,000.00, under the threshold of ฿60,000.00.");
    expect(mail[1]).toContain("The P2W balance is now ฿50,000.00 (threshold ฿20,000.00).");
  });

  it("hysteresis: a balance wobbling at its threshold sends nothing more", async () => {
    const db = tempDb();
    await setSetting(db, "digestTime", 1_439);
    await threeChannels(db);
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
      target: { webhookUrl: `${receivers.url}/slack/night` },
      alerts: "all",
      digest: false,
      minSeverity: "warning",
      quietHours: { from: "22:00", to: "07:00" },
      active: true,
    });
    const night = new Date("2026-11-20T20:00:00Z"); // 03:00 in Bangkok
    await db.insert(reviewItems).values({
      kind: "topup",
      entityId: "TU-NIGHT",
      reason: "failed",
      openedAt: new Date(night.getTime() - 9 * HOUR),
    });
    await snapshot(db, 100_000, night);
    await evaluateAlerts(db, night);
    await drainOutbox(db, { now: () => night });
    expect(receivers.received.map((r) => r.title)).toEqual(["[Critical] P2W balance low"]);
    const held = await db
      .select()
      .from(alertDeliveries)
      .where(eq(alertDeliveries.status, "pending"));
    expect(held.map((d) => d.dueAt)).toEqual([new Date("2026-11-21T00:00:00Z")]); // 07:00 Bangkok
    await drainOutbox(db, { now: () => new Date("2026-11-20T23:59:00Z") });
    expect(receivers.received).toHaveLength(1);
    await drainOutbox(db, { now: () => new Date("2026-11-21T00:00:30Z") });
    expect(receivers.received.map((r) => r.title)).toEqual([
      "[Critical] P2W balance low",
      "[Warning] Review items overdue",
    ]);
  });

  it("a receiver answering 500 twice then 200 gets exactly one message; a 4xx fails at once", async () => {
    const db = tempDb();
    const { slack } = await threeChannels(db);
    receivers.fail("slack", 500, 2);
    const channel = await getChannel(db, slack.id);
    enqueueTest(db, channel!, "admin@example.com", at(0));
    await drainOutbox(db, { now: () => at(0) });
    await drainOutbox(db, { now: () => at(10_000) }); // not due yet: waits 30 s
    await drainOutbox(db, { now: () => at(31_000) });
    await drainOutbox(db, { now: () => at(62_000) }); // waits 1 min after the second
    await drainOutbox(db, { now: () => at(92_000) });
    const [row] = await db.select().from(alertDeliveries);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(receivers.received.filter((r) => r.channel === "slack")).toHaveLength(1);

    // A revoked webhook (Slack answers 404) will not pass: failed at the first attempt.
    receivers.fail("slack", 404, 1);
    enqueueTest(db, channel!, "admin@example.com", at(HOUR));
    await drainOutbox(db, { now: () => at(HOUR) });
    const [, failed] = await db.select().from(alertDeliveries).orderBy(alertDeliveries.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed?.lastError).toMatch(/^HTTP 404/);
    expect(failed?.lastError).not.toContain("secretpart");
  });

  it("gives up after an hour of failures and shows why", async () => {
    const db = tempDb();
    const { slack } = await threeChannels(db);
    receivers.fail("slack", 503, 100);
    const channel = await getChannel(db, slack.id);
    enqueueTest(db, channel!, "admin@example.com", at(0));
    for (let m = 0; m <= 70; m++) await drainOutbox(db, { now: () => at(m * MINUTE) });
    const [row] = await db.select().from(alertDeliveries);
    expect(row?.status).toBe("failed");
    expect(row?.lastError).toMatch(/^HTTP 503/);
    expect(row?.attempts).toBeGreaterThan(5);
  });

  it("a crash between the commit and the send loses nothing and sends each message once", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ops-crash-")), "crash.db");
    const db = openDb(file);
    await setSetting(db, "digestTime", 1_439);
    await threeChannels(db);
    await snapshot(db, 1_000_000, at(0));
    // Another process commits the alert and its three messages, then dies before sending.
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const child = spawn(
      process.execPath,
      [
        tsx,
        "--conditions=react-server",
        "lib/testing/alerts-crash-child.ts",
        file,
        at(0).toISOString(),
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, DATABASE_PATH: file },
        // Its own process group: tsx runs the script in a child of its own, and both die.
        detached: true,
      },
    );
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
    await expect.poll(() => said, { timeout: 30_000 }).toContain("committed");
    const exited = once(child, "exit");
    process.kill(-(child.pid ?? 0), "SIGKILL");
    await exited;
    const pending = await db.select().from(alertDeliveries);
    expect(pending.map((d) => `${d.event}:${d.status}`)).toEqual(Array(3).fill("raised:pending"));

    // This process (a restart) sends them: each once, and a second pass finds nothing.
    expect(await drainOutbox(db, { now: () => at(5_000) })).toBe(3);
    expect(await drainOutbox(db, { now: () => at(10_000) })).toBe(0);
    expect(receivers.received.map((r) => r.channel).sort()).toEqual(["email", "line", "slack"]);
    // The crashed process's evaluation is not repeated by the next one: no second "raised".
    await evaluateAlerts(db, at(MINUTE));
    expect(await events(db)).toHaveLength(3);
  });

  it("the digest is made once a day at its minute, whatever restarts, with yesterday's figures", async () => {
    const db = tempDb();
    await threeChannels(db);
    const settings = { ...DEFAULT_SETTINGS, digestTime: 8 * 60 + 30 };
    const before = new Date("2026-11-20T01:29:00Z"); // 08:29 Bangkok
    const atMinute = new Date("2026-11-20T01:30:05Z"); // 08:30:05
    // Yesterday (2026-11-19, Bangkok): 8 succeeded, 2 failed for one reason said two ways.
    const hour = new Date("2026-11-19T03:00:00Z");
    await db.insert(topupHours).values([
      { hour, packageId: "P1", status: "succeeded", reason: "", count: 8, amountSatang: 8_000 },
      {
        hour,
        packageId: "P1",
        status: "failed",
        reason: "PLAYER_NOT_FOUND",
        count: 1,
        amountSatang: 1_000,
      },
      {
        hour,
        packageId: "P1",
        status: "failed",
        reason: "Invalid game ID: player not found",
        count: 1,
        amountSatang: 1_000,
      },
    ]);
    expect(await digestIfDue(db, settings, before)).toBe(false);
    // Two processes (or a restart) at its minute: one digest.
    const made = await Promise.all([
      digestIfDue(db, settings, atMinute),
      digestIfDue(db, settings, atMinute),
    ]);
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await digestIfDue(db, settings, new Date("2026-11-20T01:31:00Z"))).toBe(false);
    expect(await events(db)).toHaveLength(3);
    await drainOutbox(db, { now: () => atMinute });
    const mail = receivers.received.find((r) => r.channel === "email");
    expect(mail?.title).toBe("Daily digest for 2026-11-19");
    expect(mail?.text).toContain(
      "Top-ups: 10 (0 the day before). Succeeded 8, failed 2, still open 0. Success rate 80.0% (— the day before).",
    );
    expect(mail?.text).toContain("Top failure reasons: Player ID not found (2).");
    const slack = receivers.received.find((r) => r.channel === "slack");
    expect(slack?.title).toBe("สรุปประจำวันที่ 2026-11-19");
    expect(slack?.text).toContain("สาเหตุที่ล้มเหลวบ่อยที่สุด: ไม่พบไอดีผู้เล่น (2)");
    // The next day: one more.
    expect(await digestIfDue(db, settings, new Date("2026-11-21T01:30:00Z"))).toBe(true);
    expect(await events(db)).toHaveLength(6);
  });
});
