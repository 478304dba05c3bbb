import { z } from "zod";

import { isPlatformOrderId } from "./platform-order-id";

const amount = z.union([z.number(), z.string()]);

/** `data` of a successful /withdraw/query answer (payout-withdraw-query.txt). */
export const payoutWithdrawalSchema = z.object({
  platform_order_id: z.string().min(1),
  merchant_order_id: z.string(),
  order_datetime: z.string(),
  bank: z.string(),
  account_no: z.string(),
  account_name: z.string(),
  amount,
  status: z.string().min(1),
  done_datetime: z.string().nullish(),
});

export const payoutEnvelopeSchema = z.object({
  code: z.number().int(),
  message: z.string().optional(),
  success: z.boolean(),
  data: z.unknown().optional(),
});

/** Body of the gateway's withdraw callback (docs/upstreams.md, gateway, assumed). */
export const payoutCallbackSchema = payoutWithdrawalSchema.extend({
  /** A signed body whose id is not one the gateway issues is refused, never processed. */
  platform_order_id: z.string().refine(isPlatformOrderId),
  merchant_id: z.string().min(1),
  time: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
});

export type PayoutWithdrawalData = z.infer<typeof payoutWithdrawalSchema>;
