import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

import { openDb, withTx } from "@/db/client";
import { getChannel } from "@/db/queries/alerts";
import { alertDeliveries, topupHours } from "@/db/schema";
import { envOf, tempDb, tempDbLocation } from "@/db/testing/temp-db";
import { DEFAULT_SETTINGS } from "@/lib/settings/definitions";
import {
  at,
  events,
  HOUR,
  MINUTE,
  setSetting,
  snapshot,
  threeChannels,
  alertReceiversForFile,
} from "@/lib/testing/alerts";

import { digestIfDue } from "./digest";
import { evaluateAlerts } from "./loop";
import { enqueueTest } from "./outbox";
import { drainOutbox } from "./sender";

/**
 * Delivering alerts: the words each channel gets, retries and giving up, a process killed
 * between commit and send, the digest once a day. Over real HTTP and SMTP to the sandbox's
 * stand-ins for Slack, LINE and a mail server.
 */
const receivers = alertReceiversForFile();

describe("delivering alerts", () => {
  it("sends each message to Slack, LINE and e-mail in the channel's language, once", async () => {
    const db = tempDb();
    await setSetting(db, "digestTime", 1_439);
    await threeChannels(db, receivers.current);
    await snapshot(db, 1_234_500, at(0));
    await evaluateAlerts(db, at(0));
    expect(await drainOutbox(db, { now: () => at(1000) })).toBe(3);
    expect(await drainOutbox(db, { now: () => at(2000) })).toBe(0);
    const got = Object.fromEntries(receivers.current.received.map((r) => [r.channel, r]));
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
    const resolved = receivers.current.received.filter((r) => r.title.includes("Resolved"));
    expect(resolved.map((r) => r.channel).sort()).toEqual(["email", "line"]);
    expect(resolved[0]?.text).toContain("Lasted 1 h 0 min");
    expect(resolved[0]?.text).toContain(
      "The P2W balance is now ฿90,000.00 (threshold ฿20,000.00).",
    );
    expect(
      receivers.current.received.find((r) => r.title === "[คลี่คลายแล้ว] ยอดเงิน P2W ต่ำ"),
    ).toBeDefined();
  });

  it("a receiver answering 500 twice then 200 gets exactly one message; a 4xx fails at once", async () => {
    const db = tempDb();
    const { slack } = await threeChannels(db, receivers.current);
    receivers.current.fail("slack", 500, 2);
    const channel = await getChannel(db, slack.id);
    await enqueueTest(db, channel!, "admin@example.com", at(0));
    await drainOutbox(db, { now: () => at(0) });
    await drainOutbox(db, { now: () => at(10_000) }); // not due yet: waits 30 s
    await drainOutbox(db, { now: () => at(31_000) });
    await drainOutbox(db, { now: () => at(62_000) }); // waits 1 min after the second
    await drainOutbox(db, { now: () => at(92_000) });
    const [row] = await db.select().from(alertDeliveries);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(receivers.current.received.filter((r) => r.channel === "slack")).toHaveLength(1);

    // A revoked webhook (Slack answers 404) will not pass: failed at the first attempt.
    receivers.current.fail("slack", 404, 1);
    await enqueueTest(db, channel!, "admin@example.com", at(HOUR));
    await drainOutbox(db, { now: () => at(HOUR) });
    const [, failed] = await db.select().from(alertDeliveries).orderBy(alertDeliveries.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed?.lastError).toMatch(/^HTTP 404/);
    expect(failed?.lastError).not.toContain("secretpart");
  });

  it("gives up after an hour of failures and shows why", async () => {
    const db = tempDb();
    const { slack } = await threeChannels(db, receivers.current);
    receivers.current.fail("slack", 503, 100);
    const channel = await getChannel(db, slack.id);
    await enqueueTest(db, channel!, "admin@example.com", at(0));
    for (let m = 0; m <= 70; m++) await drainOutbox(db, { now: () => at(m * MINUTE) });
    const [row] = await db.select().from(alertDeliveries);
    expect(row?.status).toBe("failed");
    expect(row?.lastError).toMatch(/^HTTP 503/);
    expect(row?.attempts).toBeGreaterThan(5);
  });

  it("a crash between the commit and the send loses nothing and sends each message once", async () => {
    const file = await tempDbLocation();
    const db = openDb(file);
    await setSetting(db, "digestTime", 1_439);
    await threeChannels(db, receivers.current);
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
        env: { ...process.env, ...envOf(file) },
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
    expect(receivers.current.received.map((r) => r.channel).sort()).toEqual([
      "email",
      "line",
      "slack",
    ]);
    // The crashed process's evaluation is not repeated by the next one: no second "raised".
    await evaluateAlerts(db, at(MINUTE));
    expect(await events(db)).toHaveLength(3);
  });

  it("two instances draining the outbox at once send each message once", async () => {
    const location = await tempDbLocation();
    const [one, two] = [openDb(location), openDb(location)];
    await setSetting(one, "digestTime", 1_439);
    const channels = await threeChannels(one, receivers.current);
    for (let i = 0; i < 8; i++)
      for (const { id } of Object.values(channels)) {
        const channel = await getChannel(one, id);
        if (channel) await enqueueTest(one, channel, "admin@example.com", at(0));
      }
    // Both handles ready (on PostgreSQL a new one first waits for the migrations' lock).
    await getChannel(two, channels.slack.id);
    const sent = await Promise.all(
      [one, two].map((db) => drainOutbox(db, { now: () => at(1000) })),
    );
    expect(sent.reduce((a, b) => a + b, 0)).toBe(24);
    expect(sent.every((n) => n > 0)).toBe(true);
    expect(receivers.current.received).toHaveLength(24);
    one.$store.close();
    two.$store.close();
  });

  it("the digest is made once a day at its minute, whatever restarts, with yesterday's figures", async () => {
    const db = tempDb();
    await threeChannels(db, receivers.current);
    const settings = { ...DEFAULT_SETTINGS, digestTime: 8 * 60 + 30 };
    const before = new Date("2026-11-20T01:29:00Z"); // 08:29 Bangkok
    const atMinute = new Date("2026-11-20T01:30:05Z"); // 08:30:05
    // Yesterday (2026-11-19, Bangkok): 8 succeeded, 2 failed for one reason said two ways.
    const hour = new Date("2026-11-19T03:00:00Z");
    await withTx(db, (tx) =>
      tx.insert(topupHours).values([
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
      ]),
    );
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
    const mail = receivers.current.received.find((r) => r.channel === "email");
    expect(mail?.title).toBe("Daily digest for 2026-11-19");
    expect(mail?.text).toContain(
      "Top-ups: 10 (0 the day before). Succeeded 8, failed 2, still open 0. Success rate 80.0% (— the day before).",
    );
    expect(mail?.text).toContain("Top failure reasons: Player ID not found (2).");
    const slack = receivers.current.received.find((r) => r.channel === "slack");
    expect(slack?.title).toBe("สรุปประจำวันที่ 2026-11-19");
    expect(slack?.text).toContain("สาเหตุที่ล้มเหลวบ่อยที่สุด: ไม่พบไอดีผู้เล่น (2)");
    // The next day: one more.
    expect(await digestIfDue(db, settings, new Date("2026-11-21T01:30:00Z"))).toBe(true);
    expect(await events(db)).toHaveLength(6);
  });
});
