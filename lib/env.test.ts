import { describe, expect, it } from "vitest";

import { DEV_DEFAULTS, parseEnv } from "./env";

const strong = "x".repeat(32);
const production = {
  NODE_ENV: "production",
  DATABASE_PATH: "/var/lib/ops/ops.db",
  NEXTAUTH_SECRET: strong,
  NEXTAUTH_URL: "https://ops.example.com",
  APP_URL: "https://ops.example.com",
  WEBHOOK_SECRET: strong,
  P2W_API_URL: "https://vendor.p2wtopup.com/api/v1",
  P2W_PARTNER_ID: "PARTNER1",
  P2W_SECRET: strong,
  PAYOUT_API_URL: "https://pay.example.com",
  PAYOUT_MERCHANT_ID: "AA12345678",
  PAYOUT_TOKEN: "token",
  PAYOUT_SECRET: strong,
  SETTINGS_SECRET: strong,
};

describe("parseEnv", () => {
  it("accepts a complete production configuration and fills the defaults", () => {
    const env = parseEnv(production);
    expect(env.RECONCILER).toBe("on");
    expect(env.UPSTREAM_TIMEOUT_MS).toBe(10_000);
    expect(env.LINE_API_URL).toBe("https://api.line.me");
    expect(env.ALERT_EVALUATE_SECONDS).toBe(30);
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("takes PostgreSQL by DATABASE_URL alone (no SQLite path asked for), never another scheme", () => {
    const { DATABASE_PATH: _path, ...rest } = production;
    const url = "postgres://ops:pa55word@db.internal:5432/ops";
    const env = parseEnv({ ...rest, DATABASE_URL: url });
    expect(env.DATABASE_URL).toBe(url);
    expect(env.DATABASE_POOL).toBe(10);
    expect(() => parseEnv(rest)).toThrow(/DATABASE_PATH is missing/);
    let message = "";
    try {
      parseEnv({ ...rest, DATABASE_URL: "mysql://ops:pa55word@db/ops" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL is invalid/);
    expect(message).not.toMatch(/pa55word/);
  });

  it("names every missing variable in production, and no value", () => {
    const { P2W_SECRET: _a, APP_URL: _b, ...rest } = production;
    expect(() => parseEnv(rest)).toThrow(/APP_URL is missing.*P2W_SECRET is missing/);
  });

  it("treats an empty value as missing", () => {
    expect(() => parseEnv({ ...production, WEBHOOK_SECRET: "" })).toThrow(
      /WEBHOOK_SECRET is missing/,
    );
  });

  it("refuses a secret shorter than 32 bytes in production without printing it", () => {
    const weak = "short-secret-value";
    let message = "";
    try {
      parseEnv({ ...production, NEXTAUTH_SECRET: weak });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("NEXTAUTH_SECRET must be at least 32 bytes");
    expect(message).not.toContain(weak);
  });

  it("counts bytes, not characters", () => {
    // 11 Thai characters are 33 bytes in UTF-8.
    expect(() => parseEnv({ ...production, PAYOUT_SECRET: "ก".repeat(11) })).not.toThrow();
    expect(() => parseEnv({ ...production, PAYOUT_SECRET: "ก".repeat(10) })).toThrow(
      /PAYOUT_SECRET/,
    );
  });

  it("rejects a malformed URL and an unknown switch value", () => {
    expect(() => parseEnv({ ...production, P2W_API_URL: "not a url" })).toThrow(
      /P2W_API_URL is invalid/,
    );
    expect(() => parseEnv({ ...production, RECONCILER: "maybe" })).toThrow(/RECONCILER is invalid/);
  });

  it("runs in development with local defaults pointing at the sandbox", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.P2W_API_URL).toBe(DEV_DEFAULTS.P2W_API_URL);
    expect(env.DATABASE_PATH).toBe("./data/dashboard.db");
  });
});
