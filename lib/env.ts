import "server-only";
import { z } from "zod";

import { POSTGRES_URL } from "@/db/dialect";

import { parseTrustedProxies } from "./request-ip";

/**
 * The one place that reads configuration. Everything else calls `getEnv()`.
 *
 * Production (`NODE_ENV=production`, which `npm start` sets) demands every variable and
 * secrets of at least 32 bytes; development and tests fall back to local defaults that
 * point at the sandbox simulators, so `npm run dev` works on a fresh checkout.
 */

export const MIN_SECRET_BYTES = 32;

/** Secrets we can choose ourselves or that sign money movements: length-checked. */
export const SECRET_NAMES = [
  "NEXTAUTH_SECRET",
  "WEBHOOK_SECRET",
  "P2W_SECRET",
  "PAYOUT_SECRET",
  "SETTINGS_SECRET",
] as const;

/** Values that must never be logged, returned or shipped to a browser. */
export const SENSITIVE_NAMES = [
  ...SECRET_NAMES,
  "PAYOUT_TOKEN",
  "SMTP_URL",
  "DATABASE_URL",
  "METRICS_TOKEN",
] as const;

const onOff = z.enum(["on", "off"]);

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]),
  /** The SQLite file; used when `DATABASE_URL` is unset. */
  DATABASE_PATH: z.string().min(1),
  /** `postgres://user:pass@host:5432/db`: PostgreSQL instead of the SQLite file (db/dialect.ts). */
  DATABASE_URL: z.string().regex(POSTGRES_URL).optional(),
  /** Connections in each PostgreSQL pool (the server's and its callback thread's). */
  DATABASE_POOL: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(1),
  NEXTAUTH_URL: z.url(),
  APP_URL: z.url(),
  WEBHOOK_SECRET: z.string().min(1),
  P2W_API_URL: z.url(),
  P2W_PARTNER_ID: z.string().min(1),
  P2W_SECRET: z.string().min(1),
  PAYOUT_API_URL: z.url(),
  PAYOUT_MERCHANT_ID: z.string().min(1),
  PAYOUT_TOKEN: z.string().min(1),
  PAYOUT_SECRET: z.string().min(1),
  RECONCILER: onOff.default("on"),
  /** Names this instance in /api/health and in the reconciler's passes (default: host:pid). */
  INSTANCE_ID: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, "letters, digits and . : _ - only, at most 64")
    .optional(),
  /** Confirm a callback's final status with a signed read before applying it. */
  CALLBACK_CONFIRM: onOff.default("on"),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * The port of the callbacks' own listener, in the callback thread (lib/callbacks/intake.ts):
   * the upstreams' callbacks answered on an event loop no page can fill. Unset: none (the
   * dashboard's port serves them too, always).
   */
  CALLBACK_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /** Where the upstreams call back (the hookURL's base); the dashboard's APP_URL when unset. */
  CALLBACK_URL: z.url().optional(),
  /** The key that encrypts the alert channels' secrets at rest (lib/alerts/secret-box.ts). */
  SETTINGS_SECRET: z.string().min(1),
  /** LINE Messaging API's base; a local fake in the demo and tests. */
  LINE_API_URL: z.url().default("https://api.line.me"),
  /** `smtp://user:pass@host:port` (or smtps://) for e-mail alerts; unset: e-mail channels fail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .optional(),
  /** The sender of alert e-mails. */
  ALERT_FROM: z.string().min(3).default("Top-up dashboard <alerts@localhost>"),
  /** How often the server evaluates its alerts and the digest's time, in seconds. */
  ALERT_EVALUATE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  /**
   * The bearer token Prometheus scrapes `/api/metrics` with (at least 32 characters); unset,
   * the route answers 404.
   */
  METRICS_TOKEN: z.string().min(MIN_SECRET_BYTES).optional(),
  /** Which proxies in front of the dashboard may say who the client is (lib/request-ip.ts). */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, context) => {
      const trust = parseTrustedProxies(value);
      if (trust === null) context.addIssue({ code: "custom", message: "invalid" });
      return trust ?? { kind: "none" as const };
    }),
});

export type Env = z.output<typeof schema>;

export const DEV_DEFAULTS: Readonly<Record<string, string>> = {
  DATABASE_PATH: "./data/dashboard.db",
  NEXTAUTH_SECRET: "dev-only-nextauth-secret-not-for-production-use",
  NEXTAUTH_URL: "http://localhost:3000",
  APP_URL: "http://localhost:3000",
  WEBHOOK_SECRET: "dev-only-webhook-secret-not-for-production-use!",
  P2W_API_URL: "http://127.0.0.1:4010/api/v1",
  P2W_PARTNER_ID: "SANDBOX-PARTNER",
  P2W_SECRET: "dev-only-p2w-secret-shared-with-the-sandbox!!",
  PAYOUT_API_URL: "http://127.0.0.1:4020",
  PAYOUT_MERCHANT_ID: "SB00000001",
  PAYOUT_TOKEN: "dev-only-payout-token",
  PAYOUT_SECRET: "dev-only-payout-secret-shared-with-the-sandbox",
  SETTINGS_SECRET: "dev-only-settings-secret-not-for-production-use",
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates a raw environment. Messages name variables, never their values. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const nodeEnv =
    source.NODE_ENV === "production" || source.NODE_ENV === "test"
      ? source.NODE_ENV
      : "development";
  const production = nodeEnv === "production";
  const input: Record<string, string> = production ? {} : { ...DEV_DEFAULTS };
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== "") input[key] = value;
  }
  input.NODE_ENV = nodeEnv;
  // On PostgreSQL no SQLite file is used: its path is not asked for.
  if (input.DATABASE_URL) input.DATABASE_PATH ??= "(unused: DATABASE_URL is set)";

  const problems: string[] = [];
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      problems.push(input[name] === undefined ? `${name} is missing` : `${name} is invalid`);
    }
  }
  if (production) {
    for (const name of SECRET_NAMES) {
      const value = input[name];
      if (value !== undefined && Buffer.byteLength(value, "utf8") < MIN_SECRET_BYTES) {
        problems.push(`${name} must be at least ${MIN_SECRET_BYTES} bytes`);
      }
    }
  }
  if (problems.length > 0 || !parsed.success) {
    throw new EnvError(`Invalid configuration: ${[...new Set(problems)].join("; ")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
