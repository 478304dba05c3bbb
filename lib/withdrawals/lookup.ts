import "server-only";

import { findWithdrawalByMerchantOrderId, getWithdrawal } from "@/db/queries/withdrawals";
import type { WithdrawalRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { mapPool } from "@/lib/orders/pool";
import { isPlatformOrderId } from "@/lib/payout/platform-order-id";

import type { WithdrawalDeps } from "./deps";
import { requeryWithdrawal } from "./requery-withdrawal";
import { MAX_LOOKUP_IDS } from "./split-ids";

const CONCURRENCY = 4;
/** After this many gateway failures in one look-up, the rest are answered from our records. */
export const BREAK_AFTER = 3;

export type LookupResult = {
  /** What the person pasted: a platform order id, or a merchant's own order id. */
  pasted: string;
} & (
  | {
      platformOrderId: string;
      ok: true;
      outcome: "found";
      result: string;
      withdrawal?: WithdrawalRow;
    }
  | {
      platformOrderId: string;
      ok: false;
      /**
       * `stored`: the gateway failed (or was not asked) and this is our own record, as of its
       * last change; `skipped`: not asked (the gateway kept failing) and not held here;
       * `not_held`: a merchant order id none of our withdrawals carries (the gateway is asked
       * by platform order id only); `held_unknown`: the gateway does not know an order we
       * hold (our record is answered, as of its last change).
       */
      outcome:
        "invalid" | "not_found" | "not_held" | "held_unknown" | "error" | "stored" | "skipped";
      code: string;
      withdrawal?: WithdrawalRow;
    }
);

/** A result before the pasted text is added (`Omit` taken over each member of the union). */
type Answer = LookupResult extends infer R
  ? R extends unknown
    ? Omit<R, "pasted">
    : never
  : never;

/** A merchant's order id as people paste it: printable ASCII without spaces, not too long. */
const MERCHANT_ORDER_ID = /^[\x21-\x7E]{1,64}$/;

/**
 * A failure of the gateway itself (5xx, timeout, network…), not an answer about the id:
 * `upstreamToAppError` gives those 502 (a refusal is 422).
 */
const isGatewayFailure = (error: unknown) => error instanceof AppError && error.status === 502;

/**
 * Looks up each id at the gateway and stores what it says. A platform order id is asked as it
 * is; anything else that could be a merchant's order id is found among the withdrawals we
 * hold, and asked by its platform order id. Ids are checked before any call; calls run a few
 * at a time; one failure never stops the others. When the gateway fails, what we hold is
 * answered instead (marked as stored), as it is when the gateway does not know an order we
 * hold (marked so); after `BREAK_AFTER` failures, or with `storedOnly`
 * (the page saw it failing), nothing more is sent to it.
 */
export async function lookupWithdrawals(
  deps: Pick<WithdrawalDeps, "db" | "payout">,
  ids: string[],
  actor: string,
  options: { storedOnly?: boolean } = {},
): Promise<LookupResult[]> {
  if (ids.length > MAX_LOOKUP_IDS) throw new AppError("TOO_MANY_IDS", 400, { max: MAX_LOOKUP_IDS });
  let failures = 0;
  const fromRecords = async (id: string, code: string, asked: boolean): Promise<Answer> => {
    const withdrawal = await getWithdrawal(deps.db, id);
    if (withdrawal) return { platformOrderId: id, ok: false, outcome: "stored", code, withdrawal };
    return { platformOrderId: id, ok: false, outcome: asked ? "error" : "skipped", code };
  };
  const byPlatformId = async (id: string): Promise<Answer> => {
    if (options.storedOnly || failures >= BREAK_AFTER)
      return fromRecords(id, "GATEWAY_NOT_ASKED", false);
    try {
      const { result, withdrawal } = await requeryWithdrawal(deps, id, {
        actor,
        source: "requery",
      });
      return { platformOrderId: id, ok: true, outcome: "found", result, withdrawal };
    } catch (error) {
      const code = error instanceof AppError ? error.code : "INTERNAL";
      if (isGatewayFailure(error)) {
        failures++;
        return fromRecords(id, code, true);
      }
      if (code === "NOT_FOUND") {
        const withdrawal = await getWithdrawal(deps.db, id);
        if (withdrawal)
          return {
            platformOrderId: id,
            ok: false,
            outcome: "held_unknown",
            code: "HELD_UNKNOWN_TO_GATEWAY",
            withdrawal,
          };
      }
      return {
        platformOrderId: id,
        ok: false,
        outcome: code === "NOT_FOUND" ? "not_found" : "error",
        code,
      };
    }
  };
  return mapPool(ids, CONCURRENCY, async (pasted): Promise<LookupResult> => {
    if (isPlatformOrderId(pasted)) return { pasted, ...(await byPlatformId(pasted)) };
    const refused = (outcome: "invalid" | "not_held", code: string): LookupResult => ({
      pasted,
      platformOrderId: pasted,
      ok: false,
      outcome,
      code,
    });
    if (!MERCHANT_ORDER_ID.test(pasted)) return refused("invalid", "INVALID_ORDER_ID");
    const held = await findWithdrawalByMerchantOrderId(deps.db, pasted);
    if (!held) return refused("not_held", "MERCHANT_ORDER_NOT_HELD");
    return { pasted, ...(await byPlatformId(held.platformOrderId)) };
  });
}
