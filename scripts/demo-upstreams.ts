import type { Db } from "@/db/client";
import { rawQuery } from "@/db/raw";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { type Receiver, receiver, type WebhookSource } from "@/lib/callbacks/webhook";
import { P2wClient } from "@/lib/p2w/client";
import { PayoutClient } from "@/lib/payout/client";
import type { TopupDeps } from "@/lib/topups/deps";
import { p2wWebhook } from "@/lib/topups/p2w-callback";
import type { CallRecorder } from "@/lib/upstream/call-log";
import type { WithdrawalDeps } from "@/lib/withdrawals/deps";
import { payoutWebhook } from "@/lib/withdrawals/payout-callback";
import { type KnownOrders, writeKnownOrders } from "@/sandbox/known-orders";
import { startP2wSandbox } from "@/sandbox/p2w";
import { startPayoutSandbox } from "@/sandbox/payout";

/**
 * The demo's past lived against real upstreams: both simulators in this process, reached by
 * the dashboard's own clients over HTTP (every call recorded as the server records it), and
 * every callback received and processed by the server's own webhook code (stored, verified,
 * confirmed with a signed read, applied). Afterwards the simulators' orders are written to
 * the file the demo's simulators start from (SANDBOX_KNOWN_ORDERS), so a re-query or a
 * look-up of a demo order is answered as a real upstream would.
 */
export type DemoUpstreams = Awaited<ReturnType<typeof startDemoUpstreams>>;

/** A callback as an upstream sends it. */
type Sent = { url: string; body: string; headers: Record<string, string> };

export async function startDemoUpstreams(db: Db, env: Record<string, string>) {
  const p2wUrl = new URL(env.P2W_API_URL ?? "http://127.0.0.1:0/api/v1");
  const p2w = await startP2wSandbox({
    port: Number(p2wUrl.port),
    basePath: p2wUrl.pathname.replace(/\/+$/, ""),
    partnerId: env.P2W_PARTNER_ID ?? "",
    secret: env.P2W_SECRET ?? "",
    // Orders move only as each life says; the balance never stops one.
    autoProgress: false,
    balanceSatang: 1e12,
    quiet: true,
  });
  const callbackUrl = env.CALLBACK_URL ?? env.APP_URL ?? "http://localhost:3000";
  const payout = await startPayoutSandbox({
    port: Number(new URL(env.PAYOUT_API_URL ?? "http://127.0.0.1:0").port),
    merchantId: env.PAYOUT_MERCHANT_ID ?? "",
    token: env.PAYOUT_TOKEN ?? "",
    secret: env.PAYOUT_SECRET ?? "",
    webhookUrl: new URL("/api/webhooks/payout", callbackUrl).toString(),
    seedCount: 0,
    newEveryMs: 0,
    completeAfterMs: 0,
    quiet: true,
  });
  const record: CallRecorder = (call) => insertUpstreamCall(db, call);
  /** The moment the life being lived is at: the callbacks' time window is checked against it. */
  let now = Date.now();
  const timeoutMs = 10_000;
  const topups: TopupDeps = {
    db,
    p2w: new P2wClient(
      {
        baseUrl: p2w.baseUrl,
        partnerId: env.P2W_PARTNER_ID ?? "",
        secret: env.P2W_SECRET ?? "",
        timeoutMs,
      },
      record,
    ),
    callbackUrl,
    webhookSecret: env.WEBHOOK_SECRET ?? "",
    confirmCallbacks: true,
  };
  const withdrawals: WithdrawalDeps = {
    db,
    payout: new PayoutClient(
      {
        baseUrl: payout.baseUrl,
        merchantId: env.PAYOUT_MERCHANT_ID ?? "",
        token: env.PAYOUT_TOKEN ?? "",
        secret: env.PAYOUT_SECRET ?? "",
        timeoutMs,
      },
      record,
    ),
    secret: env.PAYOUT_SECRET ?? "",
    merchantId: env.PAYOUT_MERCHANT_ID ?? "",
    confirmCallbacks: true,
    clock: () => now,
  };

  /** Receives a callback as the webhook does, then processes it as the worker does. */
  function deliverer<D extends { db: Db }>(source: WebhookSource<D>, deps: D) {
    const receive: Receiver = receiver(source, () => deps);
    return async (sent: Sent): Promise<string> => {
      const outcome = await receive(
        { url: sent.url, headers: sent.headers, rawBody: sent.body, ip: "127.0.0.1" },
        () => {},
      );
      if (outcome.status !== 200)
        throw new Error(`the demo's callback was refused: ${JSON.stringify(outcome)}`);
      const { id } = (await rawQuery(db, "select max(id) as id from callbacks"))[0] as {
        id: number;
      };
      return source.process(deps, id);
    };
  }

  return {
    p2w,
    payout,
    topups,
    withdrawals,
    /** Where the life being lived is: callbacks are stamped and checked at this moment. */
    setNow(at: Date) {
      now = at.getTime();
    },
    deliverP2w: deliverer(p2wWebhook, topups),
    deliverPayout: deliverer(payoutWebhook, withdrawals),
    /** Writes what both hold to `knownFile` (when given) and stops them. */
    async close(knownFile?: string) {
      const known: KnownOrders = { p2w: p2w.held(), payout: payout.held() };
      if (knownFile) writeKnownOrders(knownFile, known);
      await Promise.all([p2w.close(), payout.close()]);
      return known;
    },
  };
}
