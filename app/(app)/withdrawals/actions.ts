"use server";

import { authorizedAction } from "@/lib/actions/safe-action";
import { lookupWithdrawalsFor, requeryWithdrawalFor } from "@/lib/withdrawals/by-person";

import { lookupSchema, requeryWithdrawalSchema } from "./withdrawals.validation";

export const lookupWithdrawalsAction = authorizedAction(
  "withdrawal:lookup",
  lookupSchema,
  async ({ ids }, { user }) => lookupWithdrawalsFor(user, ids),
);

export const requeryWithdrawalAction = authorizedAction(
  "withdrawal:requery",
  requeryWithdrawalSchema,
  async ({ platformOrderId }, { user }) => requeryWithdrawalFor(user, platformOrderId),
);
