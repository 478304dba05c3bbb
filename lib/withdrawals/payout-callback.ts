import "server-only";

import { createHash } from "node:crypto";

import { getCallback, setCallbackResult } from "@/db/queries/callbacks";
import { changeWithdrawalAtomically } from "@/db/queries/withdrawals";
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
import { PayoutNotFoundError } from "@/lib/payout/errors";
import { payoutCallbackSchema } from "@/lib/payout/schemas";
import { PAYOUT_TIME_WINDOW_S, verifyPayoutSignature } from "@/lib/payout/signing";
import { type PayoutWithdrawal, toPayoutWithdrawal } from "@/lib/payout/transform";
import { isFinal } from "@/lib/orders/status-machine";
import { UpstreamError } from "@/lib/upstream/errors";

import type { WithdrawalDeps } from "./deps";
import { planWithdrawalObservation } from "./observe";
import { WITHDRAWAL_MACHINE } from "./withdrawal-status";

const ACTOR = "system:callback";

/**
 * Verifies a gateway callback (docs/upstreams.md, gateway): signature over the raw body, our
 * merchant id, `time` within 300 s. Every receipt is kept: a refused one is stored here, a
 * verified one is returned for the intake to store as `received` and process.
 */
export async function receivePayoutCallback(
  deps: Pick<WithdrawalDeps, "db" | "secret" | "merchantId" | "clock">,
  input: CallbackDelivery,
): Promise<Verdict> {
  const signature = input.headers["x-signature"] ?? null;
  const row = {
    upstream: "payout" as const,
    rawBody: input.rawBody,
    ip: input.ip,
    headers: callbackHeaders(input, signature),
  };
  const refuse = refuseDelivery(deps.db, row);

  if (!verifyPayoutSignature(deps.secret, input.rawBody, signature))
    return refuse(401, "BAD_SIGNATURE", "bad_signature");
  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return refuse(400, "BAD_JSON", "bad_json");
  }
  const parsed = payoutCallbackSchema.safeParse(json);
  if (!parsed.success)
    return refuse(400, "VALIDATION", "bad_body", { field: badField(parsed.error) });
  const id = parsed.data.platform_order_id;
  if (parsed.data.merchant_id !== deps.merchantId)
    return refuse(401, "BAD_MERCHANT", "bad_merchant", { entityId: id });
  const nowS = (deps.clock?.() ?? Date.now()) / 1000;
  if (Math.abs(nowS - parsed.data.time) > PAYOUT_TIME_WINDOW_S)
    return refuse(401, "STALE_TIME", "stale_time", { entityId: id });
  return { status: 200, row: { ...row, entityId: id, verification: "ok", result: "received" } };
}

/** Applies a stored gateway callback; a final status is confirmed by `/withdraw/query` first. */
export async function processPayoutCallback(
  deps: WithdrawalDeps,
  callbackId: number,
): Promise<string> {
  const { db } = deps;
  const callback = await getCallback(db, callbackId);
  if (!callback || callback.verification !== "ok" || callback.processedAt) return "skipped";
  const body = payoutCallbackSchema.parse(JSON.parse(callback.rawBody));

  let reported: PayoutWithdrawal;
  try {
    reported = toPayoutWithdrawal(body, null);
  } catch (error) {
    await setCallbackResult(db, callbackId, "anomaly", (error as Error).message, true);
    return "anomaly";
  }
  const claimed = reported.status;
  // The status and the money details: a repeat is a duplicate, a changed amount is not.
  const eventKey = `payout:${reported.platformOrderId}:${reported.status ?? body.status}:${createHash(
    "sha256",
  )
    .update(
      JSON.stringify([
        reported.amountSatang,
        reported.bank,
        reported.accountNo,
        reported.accountName,
        reported.merchantOrderId,
      ]),
    )
    .digest("hex")
    .slice(0, 16)}`;
  if (await isEventApplied(db, eventKey)) {
    await setCallbackResult(db, callbackId, "duplicate", null, true);
    return "duplicate";
  }
  let details: Record<string, unknown> = { callbackId };
  if (isFinal(WITHDRAWAL_MACHINE, reported.status) && deps.confirmCallbacks) {
    try {
      const confirmed = await deps.payout.queryWithdrawal(reported.platformOrderId, {
        actor: ACTOR,
      });
      details = { callbackId, confirmedBy: "requery", callbackStatus: body.status };
      reported = confirmed;
    } catch (error) {
      if (error instanceof PayoutNotFoundError) {
        await setCallbackResult(
          db,
          callbackId,
          "anomaly",
          "the gateway does not know this withdrawal",
          true,
        );
        return "anomaly";
      }
      if (!(error instanceof UpstreamError)) throw error;
      return confirmationFailed(db, callback, error);
    }
  }
  // What we now hold as true: the read's answer when there was one, else the callback's.
  const confirmed = reported;
  return applyCallback(
    db,
    { id: callbackId, eventKey, rawStatus: body.status },
    { claimed, confirmed: confirmed.status },
    async (options) => {
      const applied = await changeWithdrawalAtomically(
        db,
        confirmed.platformOrderId,
        (current) =>
          planWithdrawalObservation(current, confirmed, {
            source: "callback",
            actor: ACTOR,
            details,
          }),
        options,
      );
      return applied.result;
    },
  );
}

/** The gateway's withdraw webhook: the route and the tests serve this through `webhookHandler`. */
export const payoutWebhook: WebhookSource<WithdrawalDeps> = {
  receive: receivePayoutCallback,
  process: processPayoutCallback,
};
