"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import {
  lookupWithdrawalsFor,
  requeryWithdrawalFor,
  revealAccountFor,
} from "@/lib/for-user/withdrawals";
import {
  lookupWithdrawalsSchema,
  requeryWithdrawalSchema,
} from "@/lib/withdrawals/withdrawal-schemas";

export const lookupWithdrawalsAction = authorizedAction(
  "withdrawal:lookup",
  lookupWithdrawalsSchema,
  async ({ platformOrderIds, storedOnly }, caller) =>
    lookupWithdrawalsFor(caller, platformOrderIds, { storedOnly }),
);

export const requeryWithdrawalAction = authorizedAction(
  "withdrawal:requery",
  requeryWithdrawalSchema,
  async ({ platformOrderId }, caller) => requeryWithdrawalFor(caller, platformOrderId),
);

export const revealAccountAction = authorizedAction(
  "withdrawal:view-account",
  requeryWithdrawalSchema,
  async ({ platformOrderId }, caller) => revealAccountFor(caller, platformOrderId),
);
