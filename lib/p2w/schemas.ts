import { z } from "zod";

/** The vendor's envelope, success and error alike (p2w-orders-api.txt). */
export const p2wEnvelopeSchema = z.object({
  success: z.boolean(),
  statusCode: z.number().int().optional(),
  code: z.string().optional(),
  data: z.unknown().optional(),
  message: z.string().optional(),
  timestamp: z.string().optional(),
});

const topupInfo = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

export const p2wOrderSchema = z.object({
  orderID: z.string().min(1),
  refID: z.string().min(1),
  status: z.string().min(1),
  packageID: z.string().optional(),
  topupInfo: topupInfo.optional(),
  reason: z.string().nullish(),
  createdAt: z.string().optional(),
});

/** Body of the completion callback POSTed to our hookURL. */
export const p2wCallbackSchema = z.object({
  orderID: z.string().min(1).max(100),
  refID: z.string().min(1).max(100),
  status: z.string().min(1).max(40),
  balance: z.union([z.number(), z.string()]).nullish(),
  reason: z.string().max(2000).nullish(),
});
