import "server-only";

import type { Db } from "@/db/client";
import { claimDueDelivery, finishAttempt, getChannel } from "@/db/queries/alerts";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { instruments } from "@/lib/metrics/instruments";

import { type SendResult, sendToChannel } from "./channels";
import { type MessageFacts, renderMessage } from "./messages";

/**
 * Drains the outbox: takes each due message under a claim, sends it, and records what came
 * of it. A failure that may pass (timeout, refused connection, 429, 5xx) is tried again
 * after a growing wait, for up to an hour from the first attempt; then, or at once for a
 * refusal that will not pass (a revoked webhook), the message shows as failed.
 *
 * Exactly once: a message is written once (its key), taken by one sender at a time (the
 * claim), and marked sent as soon as the receiver has answered. The one window left is a
 * crash between the receiver's answer and that update; the claim then lapses and the
 * message is sent again (LINE and e-mail carry the same retry key and Message-ID each time).
 */
export const GIVE_UP_AFTER_MS = 60 * 60_000;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 10 * 60_000;

/** The wait before attempt n+1 after n failures: 30 s, 1 min, 2 min, … at most 10 min. */
export function retryWait(attempts: number): number {
  return Math.min(FIRST_WAIT_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

export type Send = typeof sendToChannel;

/** Sends every due message; returns how many were taken. */
export async function drainOutbox(
  db: Db,
  options: { now?: () => Date; send?: Send; limit?: number; key?: string } = {},
): Promise<number> {
  const now = options.now ?? (() => new Date());
  const send = options.send ?? sendToChannel;
  let taken = 0;
  for (; taken < (options.limit ?? 100); taken++) {
    const delivery = await claimDueDelivery(db, now(), options.key);
    if (!delivery) break;
    const channel = await getChannel(db, delivery.channelId);
    let result: SendResult;
    if (!channel?.active) result = { ok: false, transient: false, error: "channel inactive" };
    else {
      try {
        const words = renderMessage(
          delivery.message as MessageFacts,
          channel.locale,
          getEnv().APP_URL,
        );
        // The delivery's key and first writing: the same on every attempt, new for a new message.
        result = await send(channel, words, `${delivery.key}@${delivery.createdAt.getTime()}`);
      } catch (error) {
        result = {
          ok: false,
          transient: false,
          error: error instanceof Error ? error.name : "could not send",
        };
      }
    }
    const at = now();
    const first = delivery.firstTriedAt ?? at;
    let status: "sent" | "retry" | "failed";
    if (result.ok) {
      status = "sent";
      await finishAttempt(db, delivery, { status, at }, at);
    } else if (result.transient && at.getTime() - first.getTime() < GIVE_UP_AFTER_MS) {
      status = "retry";
      const retryAt = new Date(at.getTime() + retryWait(delivery.attempts + 1));
      await finishAttempt(db, delivery, { status, error: result.error, retryAt }, at);
    } else {
      status = "failed";
      await finishAttempt(db, delivery, { status, error: result.error }, at);
    }
    instruments().alertDeliveries.inc({ channel_kind: channel?.kind ?? "unknown", status });
    if (!result.ok)
      logger.warn("alert delivery failed", {
        deliveryId: delivery.id,
        channelId: delivery.channelId,
        attempt: delivery.attempts + 1,
        transient: result.transient,
        error: result.error,
      });
  }
  return taken;
}
