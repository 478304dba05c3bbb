import { z } from "zod";

export const createTopupSchema = z.object({
  packageId: z.string().min(1).max(64),
  topupInfo: z.record(z.string(), z.string().max(200)),
  idempotencyKey: z.string().min(8).max(100),
});

export const requeryTopupSchema = z.object({ refId: z.string().min(1).max(64) });
