import "server-only";

import { recordBalanceIn } from "@/db/queries/balance";
import { getCallback, setCallbackResult } from "@/db/queries/callbacks";
import { getTopup, getTopupByOrderId, changeTopupAtomically } from "@/db/queries/topups";
import { isEventApplied } from "@/db/queries/entity-change";
import { applyCallback, confirmationFailed } from "@/lib/callbacks/confirm";
import {
  badField,
  type CallbackDelivery,
  callbackHeaders,
  refuseDelivery,
  type Verdict,
  type WebhookSource,
} from "@/lib/callbacks/webhook";
import { verifyHookToken } from "@/lib/p2w/hook-token";
import { p2wCallbackSchema } from "@/lib/p2w/schemas";
import type { P2wClient } from "@/lib/p2w/client";
import { balanceToSatang, normalizeP2wStatus, type P2wOrder } from "@/lib/p2w/transform";
import { readCoalescer } from "@/lib/upstream/coalesce";
import { UpstreamError } from "@/lib/upstream/errors";

import type { TopupDeps } from "./deps";
import { planTopupObservation } from "./observe";

const ACTOR = "system:callback";

/**
 * Verifies a P2W callback. Every receipt is kept (the callbacks log shows forged and broken
 * ones too): a refused one is stored here, a verified one is returned for the intake to
 * store as `received` (the webhook answers 2xx only once it is committed).
 */
export async function receiveP2wCallback(
  deps: Pick<TopupDeps, "db" | "webhookSecret">,
  input: CallbackDelivery,
): Promise<Verdict> {
  const token = new URL(input.url).searchParams.get("token");
  const row = {
    upstream: "p2w" as const,
    rawBody: input.rawBody,
    ip: input.ip,
    headers: callbackHeaders(input, token),
  };
  const refuse = refuseDelivery(deps.db, row);

  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return refuse(400, "BAD_JSON", "bad_json");
  }
  const parsed = p2wCallbackSchema.safeParse(json);
  if (!parsed.success)
    return refuse(400, "VALIDATION", "bad_body", { field: badField(parsed.error) });
  const ids = { entityId: parsed.data.refID, orderId: parsed.data.orderID };
  if (!verifyHookToken(deps.webhookSecret, parsed.data.refID, token))
    return refuse(401, "BAD_TOKEN", "bad_token", ids);
  return { status: 200, row: { ...row, ...ids, verification: "ok", result: "received" } };
}

/**
 * Applies a stored callback: match by orderID, else by refID (which resolves `unknown`
 * orders); confirm a final status with a signed read and apply the upstream's answer;
 * forward-only, de-duplicated by a unique event key in the applying transaction.
 */
export async function processP2wCallback(deps: TopupDeps, callbackId: number): Promise<string> {
  const { db } = deps;
  const callback = await getCallback(db, callbackId);
  if (!callback || callback.verification !== "ok" || callback.processedAt) return "skipped";
  const body = p2wCallbackSchema.parse(JSON.parse(callback.rawBody));

  const topup = (await getTopupByOrderId(db, body.orderID)) ?? (await getTopup(db, body.refID));
  if (!topup) {
    await setCallbackResult(
      db,
      callbackId,
      "unmatched",
      "no order with this orderID or refID",
      true,
    );
    return "unmatched";
  }
  if (topup.refId !== body.refID) {
    await setCallbackResult(db, callbackId, "anomaly", `orderID belongs to ${topup.refId}`, true);
    return "anomaly";
  }

  const reported = normalizeP2wStatus(body.status);
  const eventKey = `p2w:${body.orderID}:${reported ?? body.status}`;
  if (await isEventApplied(db, eventKey)) {
    await setCallbackResult(db, callbackId, "duplicate", null, true);
    return "duplicate";
  }

  let observation = {
    status: reported,
    rawStatus: body.status,
    orderId: body.orderID,
    reason: body.reason || null,
    source: "callback" as const,
    actor: ACTOR,
    details: { callbackId } as Record<string, unknown>,
  };
  // Every report is read back, not only a final one: the token covers the refID, not the
  // body, so an unconfirmed report may not move an order at all (docs/upstreams.md).
  if (reported && deps.confirmCallbacks) {
    try {
      const order = await readOrderOnce(deps.p2w, body.orderID, callback.receivedAt);
      if (order.refId !== body.refID) {
        await setCallbackResult(
          db,
          callbackId,
          "anomaly",
          "the upstream's order has another refID",
          true,
        );
        return "anomaly";
      }
      observation = {
        ...observation,
        status: order.status,
        rawStatus: order.rawStatus,
        reason: order.reason,
        details: { callbackId, confirmedBy: "requery", callbackStatus: body.status },
      };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      return confirmationFailed(db, callback, error);
    }
  }

  const balance = balanceToSatang(body.balance);
  return applyCallback(
    db,
    {
      id: callbackId,
      eventKey,
      rawStatus: body.status,
      withFreshEvent:
        balance === null
          ? undefined
          : (tx) =>
              recordBalanceIn(tx, {
                upstream: "p2w",
                balanceSatang: balance,
                source: `callback:${callbackId}`,
                confirmed: deps.confirmCallbacks,
              }),
    },
    { claimed: reported, confirmed: observation.status },
    async (options) => {
      const applied = await changeTopupAtomically(
        db,
        topup.refId,
        (current) => planTopupObservation(current, observation),
        options,
      );
      return applied?.result ?? null;
    },
  );
}

const coalescers = new WeakMap<P2wClient, ReturnType<typeof readCoalescer<P2wOrder>>>();

/** One signed read per order serves every callback received before it started. */
function readOrderOnce(p2w: P2wClient, orderId: string, receivedAt: Date): Promise<P2wOrder> {
  let read = coalescers.get(p2w);
  if (!read) coalescers.set(p2w, (read = readCoalescer<P2wOrder>()));
  return read(orderId, receivedAt.getTime(), () => p2w.getOrder(orderId, { actor: ACTOR }));
}

/** The P2W webhook: the route and the tests serve this through `webhookHandler`. */
export const p2wWebhook: WebhookSource<TopupDeps> = {
  receive: receiveP2wCallback,
  process: processP2wCallback,
};
