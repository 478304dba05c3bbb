import { z } from "zod";

/** The input schemas of the logs' operations, shared by route handlers and server actions. */
/** At most this many callbacks in one bulk replay request. */
export const MAX_BULK_REPLAY = 100;

export const bulkReplaySchema = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(MAX_BULK_REPLAY),
});
