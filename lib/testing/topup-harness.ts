import { afterAll, beforeAll, beforeEach } from "vitest";

import type { Db } from "@/db/client";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { hookToken } from "@/lib/p2w/hook-token";
import { P2wClient } from "@/lib/p2w/client";
import type { TopupDeps } from "@/lib/topups/deps";
import { localIntake, receiver, webhookHandler } from "@/lib/callbacks/webhook";
import { CallbackWorker } from "@/lib/callbacks/worker";
import { p2wWebhook } from "@/lib/topups/p2w-callback";
import { type P2wSandbox, startP2wSandbox } from "@/sandbox/p2w";

import { seedCatalog, seedUser } from "./fixtures";
import { serveHandler } from "./serve-handler";
import { tempDb } from "@/db/testing/temp-db";

const SECRET = "p2w-topups-it-secret-0123456789abcdef";
export const WEBHOOK_SECRET = "webhook-topups-it-secret-0123456789abc";

/**
 * Top-up tests against real parts: the P2W simulator over HTTP, a fresh SQLite file per
 * test, and the webhook route's own handler served over HTTP (verify and store, answer,
 * then process). Call once at the top of a test file; read state through the getters.
 */
export function topupHarness() {
  let sandbox: P2wSandbox;
  let db: Db;
  let deps: TopupDeps;
  let person: { id: number; email: string; ip: string };
  let webhook: { url: string; close: () => Promise<void> };
  // The real worker, on whichever test's database is current.
  const worker = new CallbackWorker(() => deps.db, {
    p2w: (id) => p2wWebhook.process(deps, id),
  });

  /** The real webhook route's handler, served over HTTP, with this test's deps. */
  const startWebhook = () =>
    serveHandler(
      webhookHandler("p2w", () => localIntake({ p2w: receiver(p2wWebhook, () => deps) }, worker)),
    );

  beforeAll(async () => {
    sandbox = await startP2wSandbox({
      partnerId: "PARTNER-TU",
      secret: SECRET,
      processingAfterMs: 20,
      completeAfterMs: 60,
      failureRate: 0,
      callbackRetryDelaysMs: [50, 100],
      quiet: true,
    });
    webhook = await startWebhook();
  });

  afterAll(async () => {
    await worker.stop();
    await sandbox.close();
    await webhook.close();
  });

  beforeEach(async () => {
    db = tempDb();
    await seedCatalog(db);
    const support = await seedUser(db, "support");
    person = { id: support.id, email: support.email, ip: "10.0.0.5" };
    sandbox.faults.set([]);
    sandbox.config.processingAfterMs = 20;
    sandbox.config.completeAfterMs = 60;
    sandbox.balanceSatang = 5_000_000;
    const p2w = new P2wClient(
      {
        baseUrl: sandbox.baseUrl,
        partnerId: "PARTNER-TU",
        secret: SECRET,
        timeoutMs: 400,
        readRetry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
      },
      (call) => insertUpstreamCall(db, call),
    );
    deps = {
      db,
      p2w,
      callbackUrl: webhook.url,
      webhookSecret: WEBHOOK_SECRET,
      confirmCallbacks: true,
    };
    // Started once the first test's database exists (its liveness lease is written there).
    worker.start();
  });

  return {
    worker,
    get sandbox() {
      return sandbox;
    },
    get db() {
      return db;
    },
    get deps() {
      return deps;
    },
    set deps(next: TopupDeps) {
      deps = next;
    },
    get person() {
      return person;
    },
    order: (extra: Record<string, unknown> = {}) => ({
      packageId: "ROLTH_A01_P001",
      topupInfo: { gameid: "player-42", server: "1" },
      ...extra,
    }),
    upstreamOrdersFor: (refId: string) =>
      [...sandbox.orders.values()].filter((o) => o.refID === refId),
    async postCallback(
      body: Record<string, unknown>,
      token = hookToken(WEBHOOK_SECRET, String(body.refID)),
    ) {
      const res = await fetch(`${webhook.url}/api/webhooks/p2w?token=${token}`, {
        method: "POST",
        body: JSON.stringify(body),
      });
      return res.status;
    },
  };
}
