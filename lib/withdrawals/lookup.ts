import "server-only";

import type { WithdrawalRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { mapPool } from "@/lib/orders/pool";
import { isPlatformOrderId } from "@/lib/payout/platform-order-id";

import type { WithdrawalDeps } from "./deps";
import { requeryWithdrawal } from "./requery-withdrawal";
import { MAX_LOOKUP_IDS } from "./split-ids";

const CONCURRENCY = 4;

export type LookupResult =
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
      outcome: "invalid" | "not_found" | "error";
      code: string;
    };

/**
 * Looks up each id at the gateway and stores what it says. Ids are checked for format before
 * any call; calls run a few at a time. One failure never stops the others.
 */
export async function lookupWithdrawals(
  deps: Pick<WithdrawalDeps, "db" | "payout">,
  ids: string[],
  actor: string,
): Promise<LookupResult[]> {
  if (ids.length > MAX_LOOKUP_IDS) throw new AppError("TOO_MANY_IDS", 400, { max: MAX_LOOKUP_IDS });
  return mapPool(ids, CONCURRENCY, async (id): Promise<LookupResult> => {
    if (!isPlatformOrderId(id))
      return {
        platformOrderId: id,
        ok: false,
        outcome: "invalid",
        code: "INVALID_PLATFORM_ORDER_ID",
      };
    try {
      const { result, withdrawal } = await requeryWithdrawal(deps, id, {
        actor,
        source: "requery",
      });
      return { platformOrderId: id, ok: true, outcome: "found", result, withdrawal };
    } catch (error) {
      const code = error instanceof AppError ? error.code : "INTERNAL";
      return {
        platformOrderId: id,
        ok: false,
        outcome: code === "NOT_FOUND" ? "not_found" : "error",
        code,
      };
    }
  });
}
