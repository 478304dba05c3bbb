import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { alertChannels, auditLog } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { InvalidInput } from "@/lib/errors";
import { checkSettings } from "@/lib/settings/definitions";
import { seedUser } from "@/lib/testing/fixtures";

import { createChannel, updateChannel } from "./channel-admin";
import { lineMessages, receiverSaid, retryKey, slackPayload } from "./channels";
import { renderMessage } from "./messages";
import { quietUntil } from "./quiet-hours";
import { masked, open, SecretBoxError, seal } from "./secret-box";

const KEY = "k".repeat(40);

describe("the secret box", () => {
  it("opens what it sealed, with a fresh nonce each time, and refuses another key or a change", () => {
    const a = seal("https://hooks.slack.com/services/T0/B0/abcdef", KEY);
    const b = seal("https://hooks.slack.com/services/T0/B0/abcdef", KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain("hooks.slack.com");
    expect(open(a, KEY)).toBe("https://hooks.slack.com/services/T0/B0/abcdef");
    expect(() => open(a, "another-key-of-enough-length-000000")).toThrow(SecretBoxError);
    const tampered = `${a.slice(0, -4)}AAAA`;
    expect(() => open(tampered, KEY)).toThrow(SecretBoxError);
  });

  it("masks a URL to its origin and a token to its last four characters", () => {
    expect(masked("https://hooks.slack.com/services/T0/B0/abcdef")).toBe(
      "https://hooks.slack.com/…cdef",
    );
    expect(masked("a-line-channel-token-9876")).toBe("…9876");
    expect(masked("short")).toBe("…");
  });
});

describe("quiet hours in Bangkok time", () => {
  const quiet = { from: "22:00", to: "07:00" };
  it("hold an instant inside them until they end, across midnight", () => {
    // 23:30 and 03:00 Bangkok are 16:30 and 20:00 UTC; they end at 07:00 Bangkok, 00:00 UTC.
    expect(quietUntil(quiet, new Date("2026-11-20T16:30:00Z"))).toEqual(
      new Date("2026-11-21T00:00:00Z"),
    );
    expect(quietUntil(quiet, new Date("2026-11-20T20:00:00Z"))).toEqual(
      new Date("2026-11-21T00:00:00Z"),
    );
  });
  it("let an instant outside them through as it is", () => {
    const noon = new Date("2026-11-20T05:00:00Z");
    expect(quietUntil(quiet, noon)).toBe(noon);
    expect(quietUntil(null, noon)).toBe(noon);
    expect(quietUntil({ from: "09:00", to: "17:00" }, noon)).toEqual(
      new Date("2026-11-20T10:00:00Z"),
    );
  });
});

describe("a clock setting", () => {
  it("takes HH:MM or minutes, and refuses a time that does not exist", () => {
    expect(checkSettings({ digestTime: "08:30" }).values).toEqual({ digestTime: 510 });
    expect(checkSettings({ digestTime: 1_439 }).values).toEqual({ digestTime: 1_439 });
    expect(checkSettings({ digestTime: "24:10" }).problems).toEqual([
      { field: "digestTime", code: "SETTING_CLOCK" },
    ]);
  });
});

describe("channel formats", () => {
  const words = renderMessage(
    {
      type: "alert",
      event: "raised",
      kind: "callbacks_refused",
      subject: "",
      severity: "warning",
      raisedAt: "2026-11-20T05:00:00.000Z",
      resolvedAt: null,
      value: 42.5,
      threshold: 10,
      detail: { refused: 17, accepted: 23 },
    },
    "en",
    "https://ops.example.com/",
  );
  it("say what, the figure, its threshold, since when, and link to the page", () => {
    expect(words.title).toBe("[Warning] Callbacks refused");
    expect(words.lines).toEqual([
      "42.5% of the last 15 minutes' callbacks were refused (17 of 40); threshold 10%.",
      "Since 2026-11-20 12:00 (Bangkok time)",
    ]);
    expect(words.link.url).toBe("https://ops.example.com/callbacks");
  });
  it("as Slack blocks with a plain-text fallback, and as at most five LINE texts", () => {
    const slack = slackPayload(words);
    expect(slack.text.split("\n")[0]).toBe("[Warning] Callbacks refused");
    expect(JSON.stringify(slack.blocks)).toContain(
      "<https://ops.example.com/callbacks|Open the dashboard>",
    );
    const long = { ...words, lines: Array(30).fill("x".repeat(900)) };
    const texts = lineMessages(long);
    expect(texts.length).toBe(5);
    expect(texts.every((m) => m.text.length <= 5_000)).toBe(true);
  });
  it("keep only a receiver's own word for a refusal, never another service's page", () => {
    expect(receiverSaid("invalid_token")).toBe("invalid_token");
    expect(receiverSaid('{"message":"Authentication failed"}')).toBe("Authentication failed");
    expect(receiverSaid("<html><title>Internal admin</title>secret stuff</html>")).toBe("");
  });
  it("LINE's retry key is a UUID, the same for the same message", () => {
    expect(retryKey("alert:1:raised:2@1")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(retryKey("alert:1:raised:2@1")).toBe(retryKey("alert:1:raised:2@1"));
  });
});

describe("channel administration", () => {
  const admin = { id: 1, email: "admin@example.com", ip: "127.0.0.1" };
  const slack = {
    kind: "slack",
    name: "ops",
    locale: "th",
    target: { webhookUrl: "https://hooks.slack.com/services/T0/B0/verysecretpart" },
    alerts: "all",
    digest: true,
    minSeverity: "warning",
    quietHours: null,
    active: true,
  };

  it("refuses every bad field at once, with a code each, and stores nothing", async () => {
    const db = tempDb();
    await seedUser(db, "admin", admin.email);
    const error = await createChannel(db, admin, {
      kind: "line",
      name: "",
      locale: "fr",
      target: { to: "someone", token: "short" },
      alerts: ["balance_low", "made_up"],
      minSeverity: "panic",
      quietHours: { from: "22:00", to: "22:00" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      "name:CHANNEL_NAME",
      "locale:CHANNEL_LOCALE",
      "target.to:LINE_TO",
      "target.token:LINE_TOKEN",
      "alerts:ALERT_KINDS",
      "minSeverity:MIN_SEVERITY",
      "quietHours:QUIET_HOURS",
    ]);
    expect(await db.select().from(alertChannels)).toHaveLength(0);
  });

  it("stores the secret sealed, shows it masked, keeps it when the masked value comes back, never audits it", async () => {
    const db = tempDb();
    await seedUser(db, "admin", admin.email);
    const created = await createChannel(db, admin, slack);
    expect(created.target).toEqual({ webhookUrl: "https://hooks.slack.com/…part" });
    const [row] = await db.select().from(alertChannels);
    expect(row?.secret).not.toContain("verysecretpart");
    // The page sends back what it was shown: the secret is kept.
    const renamed = await updateChannel(db, admin, created.id, {
      ...slack,
      name: "ops-2",
      target: created.target,
    });
    expect(renamed.name).toBe("ops-2");
    const [after] = await db.select().from(alertChannels).where(eq(alertChannels.id, created.id));
    expect(open(after?.secret ?? "")).toBe("https://hooks.slack.com/services/T0/B0/verysecretpart");
    const audit = JSON.stringify(await db.select().from(auditLog));
    expect(audit).toContain("alert_channel.update");
    expect(audit).not.toContain("verysecretpart");
  });
});
