import { z } from "zod";

import { visibleText } from "@/lib/text";

import { MAX_LOOKUP_IDS } from "./split-ids";

/**
 * The one input schema of each withdrawal operation, used by the JSON API's route handler
 * and the page's server action alike.
 */

export const lookupWithdrawalsSchema = z.object({
  platformOrderIds: z
    .array(visibleText().pipe(z.string().min(1).max(100)))
    .min(1)
    .max(MAX_LOOKUP_IDS),
});

export const requeryWithdrawalSchema = z.object({ platformOrderId: z.string().min(1).max(100) });
