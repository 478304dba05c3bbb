import "server-only";

import type { Db } from "@/db/client";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { P2wClient } from "@/lib/p2w/client";
import { getP2wClient } from "@/lib/upstream/clients";

/** What the top-up use cases need; tests build it from a temp db and a sandbox client. */
export type TopupDeps = {
  db: Db;
  p2w: P2wClient;
  appUrl: string;
  webhookSecret: string;
  /** Confirm a callback's final status with a signed read before applying it. */
  confirmCallbacks: boolean;
};

export function topupDeps(): TopupDeps {
  const env = getEnv();
  return {
    db: getDb(),
    p2w: getP2wClient(),
    appUrl: env.APP_URL,
    webhookSecret: env.WEBHOOK_SECRET,
    confirmCallbacks: env.CALLBACK_CONFIRM === "on",
  };
}
