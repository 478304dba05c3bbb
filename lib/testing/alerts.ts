import { afterAll, beforeAll, beforeEach } from "vitest";

import { type Db, withTx } from "@/db/client";
import { alertDeliveries, balanceSnapshots, settings as settingsTable } from "@/db/schema";
import { createChannel } from "@/lib/alerts/channel-admin";
import { type AlertReceivers, startAlertReceivers } from "@/sandbox/alert-receivers";

import { seedUser } from "./fixtures";

/**
 * What the alerts' integration tests share: the sandbox's stand-ins for Slack, LINE and a
 * mail server on free ports (the environment pointed at them), one channel of each, and a
 * few ways to set the scene.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const LINE_TOKEN = "line-channel-token-for-tests-0123456789";
/** 12:00 in Bangkok: no quiet hours, after the digest's default time. */
export const T0 = new Date("2026-11-20T05:00:00Z");
export const at = (ms: number) => new Date(T0.getTime() + ms);
export const admin = { id: 1, email: "admin@example.com", ip: "127.0.0.1" };

/** Starts the stand-ins for the file's tests; each test starts with nothing received. */
export function alertReceiversForFile(): { readonly current: AlertReceivers } {
  const holder = {} as { current: AlertReceivers };
  beforeAll(async () => {
    holder.current = await startAlertReceivers({
      port: 0,
      smtpPort: 0,
      lineToken: LINE_TOKEN,
      quiet: true,
    });
    process.env.LINE_API_URL = holder.current.url;
    process.env.SMTP_URL = holder.current.smtpUrl;
    process.env.APP_URL = "https://ops.example.com";
  });
  beforeEach(() => holder.current.reset());
  afterAll(() => holder.current.close());
  return holder;
}

export async function threeChannels(
  db: Db,
  receivers: AlertReceivers,
  extra: Record<string, unknown> = {},
) {
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

export const events = async (db: Db) =>
  (await db.select().from(alertDeliveries).orderBy(alertDeliveries.id)).map(
    (d) => `${d.event}:${d.channelId}`,
  );

export async function setSetting(db: Db, key: string, value: number) {
  await withTx(db, (tx) =>
    tx
      .insert(settingsTable)
      .values({ key, value })
      .onConflictDoUpdate({ target: settingsTable.key, set: { value } }),
  );
}

export async function snapshot(db: Db, satang: number, at: Date): Promise<void> {
  await withTx(db, (tx) =>
    tx
      .insert(balanceSnapshots)
      .values({ upstream: "p2w", balanceSatang: satang, source: "test", confirmed: true, at }),
  );
}
