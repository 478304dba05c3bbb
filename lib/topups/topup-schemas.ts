import { z } from "zod";

/**
 * The one input schema of each top-up operation, used by the JSON API's route handler and
 * the page's server action alike, so both accept exactly the same things.
 */

const fieldValue = z.union([z.string(), z.number().transform(String)]).pipe(z.string().max(200));

export const createTopupSchema = z.object({
  packageId: z.string().min(1).max(64),
  topupInfo: z.record(z.string().max(64), fieldValue),
  /** Chosen once per intended order (the form fixes it before the first send). */
  idempotencyKey: z.string().min(8).max(100).optional(),
});

export const requeryTopupSchema = z.object({ refId: z.string().min(1).max(64) });
