import { z } from "zod";

import { hasInvisible, normalText } from "@/lib/text";

import { MAX_LOOKUP_IDS } from "./split-ids";

/**
 * The one input schema of each withdrawal operation, used by the JSON API's route handler
 * and the page's server action alike.
 */

export const lookupWithdrawalsSchema = z.object({
  platformOrderIds: z
    .array(z.string().transform(normalText).pipe(z.string().min(1).max(100)))
    .min(1)
    .max(MAX_LOOKUP_IDS)
    // Named by its line in the pasted list, which is how a person finds it again.
    .superRefine((ids, ctx) => {
      const at = ids.findIndex(hasInvisible);
      if (at >= 0)
        ctx.addIssue({
          code: "custom",
          params: { code: "INVISIBLE_CHARACTERS_IN_LIST", line: at + 1 },
        });
    }),
  /** Answer from our records only: the page saw the gateway failing in this look-up. */
  storedOnly: z.boolean().optional(),
});

export const requeryWithdrawalSchema = z.object({ platformOrderId: z.string().min(1).max(100) });
