import "server-only";

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import { getEnv } from "@/lib/env";

/**
 * The alert channels' secrets (a Slack webhook URL, a LINE channel token) at rest:
 * AES-256-GCM under a key derived from `SETTINGS_SECRET`, a fresh nonce each time, so a copy
 * of the database alone reveals none of them and a tampered value fails to open.
 */
const VERSION = "v1";

function key(secret: string): Buffer {
  return Buffer.from(
    hkdfSync("sha256", secret, "topup-ops-dashboard", "alert-channel-secrets", 32),
  );
}

export function seal(plain: string, secret = getEnv().SETTINGS_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export function open(sealed: string, secret = getEnv().SETTINGS_SECRET): string {
  const [version, data] = sealed.split(":");
  if (version !== VERSION || !data) throw new SecretBoxError("not a sealed value");
  const raw = Buffer.from(data, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("cannot open: another SETTINGS_SECRET, or the value was changed");
  }
}

/**
 * What a page may show of a secret: enough to recognise which one it is, never enough to use
 * it. A URL keeps its origin; anything else its last four characters.
 */
export function masked(secret: string): string {
  const tail = secret.length > 12 ? secret.slice(-4) : "";
  try {
    const url = new URL(secret);
    return `${url.origin}/…${tail}`;
  } catch {
    return `…${tail}`;
  }
}
