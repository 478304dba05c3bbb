import { z } from "zod";

/**
 * The review API's inputs. Lengths are checked again (trimmed) by the use cases, which
 * answer 422 with a clear message; these only refuse what is not even the right shape.
 */
export const resolveSchema = z.object({
  outcome: z.string().min(1).max(40),
  note: z.string().max(5_000),
});

export const reissueSchema = z.object({
  note: z.string().max(5_000),
  idempotencyKey: z.string().min(8).max(100).optional(),
});

export const decideApprovalSchema = z.object({ note: z.string().max(5_000) });
