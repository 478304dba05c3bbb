import { z } from "zod";

/** A row's numeric id in a path or a form (`/api/review/{id}`, `/api/callbacks/{id}`). */
export const idSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
});
