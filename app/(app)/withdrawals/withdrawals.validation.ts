import { z } from "zod";

import { MAX_LOOKUP_IDS } from "@/lib/withdrawals/split-ids";

export const lookupSchema = z.object({
  ids: z.array(z.string().trim().min(1).max(100)).min(1).max(MAX_LOOKUP_IDS),
});
export const requeryWithdrawalSchema = z.object({ platformOrderId: z.string().min(1).max(100) });
