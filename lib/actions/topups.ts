"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { getDb } from "@/lib/db";
import { createTopupFor, requeryTopupFor } from "@/lib/for-user/topups";
import { earlierTopup } from "@/lib/topups/earlier-topup";
import { createTopupSchema, requeryTopupSchema } from "@/lib/topups/topup-schemas";

/** The form's submit: one order per idempotency key, whatever happens to the request. */
export const createTopupAction = authorizedAction(
  "topup:create",
  createTopupSchema,
  (input, caller) => createTopupFor(caller, input),
);

/** The confirm step's question: was this player topped up with this package a moment ago? */
export const earlierTopupAction = authorizedAction(
  "topup:create",
  createTopupSchema,
  async (input, { user }) => earlierTopup(getDb(), user, input),
);

export const requeryTopupAction = authorizedAction(
  "topup:requery",
  requeryTopupSchema,
  async ({ refId }, caller) => requeryTopupFor(caller, refId),
);
