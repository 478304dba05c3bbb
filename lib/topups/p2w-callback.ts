import "server-only";

import { recordBalance } from "@/db/queries/balance";
import { getCallback, insertCallback, setCallbackResult } from "@/db/queries/callbacks";
import { getTopup, getTopupByOrderId, changeTopupAtomically } from "@/db/queries/topups";
import { isEventApplied } from "@/db/queries/entity-change";
import { applyCallback, confirmationFailed } from "@/lib/callbacks/confirm";
import type { Receipt, WebhookSource } from "@/lib/callbacks/webhook";
import { verifyHookToken } from "@/lib/p2w/hook-token";
import { callbackSchema } from "@/lib/p2w/schemas";
import { balanceToSatang, normalizeP2wStatus } from "@/lib/p2w/transform";
import { UpstreamError } from "@/lib/upstream/errors";

import type { TopupDeps } from "./deps";
import { planTopupObservation } from "./observe";

const ACTOR = "system:callback";

/**
 * Verifies and stores a P2W callback. Every receipt is kept (the callbacks log shows forged
 * and broken ones too); only a verified one is `received` and will be processed. The caller
 * answers 2xx only after this returns, i.e. after the row is committed.
 */
export async function receiveP2wCallback(
  deps: Pick<TopupDeps, "db" | "webhookSecret">,
  request: Request,
  input: { rawBody: string; ip: string },
): Promise<Receipt> {
  const token = new URL(request.url).searchParams.get("token");
  const store = (
    verification: string,
    result: string,
    ids: { entityId?: string; orderId?: string } = {},
  ) =>
    insertCallback(deps.db, {
      upstream: "p2w",
      rawBody: input.rawBody,
      verification,
      result,
      ip: input.ip,
      ...ids,
    });

  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return { status: 400, code: "BAD_JSON", callbackId: await store("bad_json", "rejected") };
  }
  const parsed = callbackSchema.safeParse(json);
  if (!parsed.success)
    return { status: 400, code: "VALIDATION", callbackId: await store("bad_body", "rejected") };
  const ids = { entityId: parsed.data.refID, orderId: parsed.data.orderID };
  if (!verifyHookToken(deps.webhookSecret, parsed.data.refID, token)) {
    return {
      status: 401,
      code: "BAD_TOKEN",
      callbackId: await store("bad_token", "rejected", ids),
    };
  }
  return { status: 200, code: "OK", callbackId: await store("ok", "received", ids) };
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
  const body = callbackSchema.parse(JSON.parse(callback.rawBody));

  const balance = balanceToSatang(body.balance);
  if (balance !== null && callback.attempts === 0)
    await recordBalance(db, "p2w", balance, `callback:${callbackId}`);

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
  if (reported && (reported === "succeeded" || reported === "failed") && deps.confirmCallbacks) {
    try {
      const order = await deps.p2w.getOrder(body.orderID, { actor: ACTOR });
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

  return applyCallback(
    db,
    { id: callbackId, eventKey, rawStatus: body.status },
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

/** The P2W webhook: the route and the tests serve this through `webhookHandler`. */
export const p2wWebhook: WebhookSource<TopupDeps> = {
  receive: receiveP2wCallback,
  process: processP2wCallback,
};
