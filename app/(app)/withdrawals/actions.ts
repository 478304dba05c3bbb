"use server";

import { authorizedAction } from "@/lib/actions/safe-action";
import { lookupWithdrawalsFor, requeryWithdrawalFor } from "@/lib/withdrawals/by-person";
import {
  lookupWithdrawalsSchema,
  requeryWithdrawalSchema,
} from "@/lib/withdrawals/withdrawal-schemas";

export const lookupWithdrawalsAction = authorizedAction(
  "withdrawal:lookup",
  lookupWithdrawalsSchema,
  async ({ platformOrderIds, storedOnly }, { user }) =>
    lookupWithdrawalsFor(user, platformOrderIds, { storedOnly }),
);

export const requeryWithdrawalAction = authorizedAction(
  "withdrawal:requery",
  requeryWithdrawalSchema,
  async ({ platformOrderId }, { user }) => requeryWithdrawalFor(user, platformOrderId),
);
