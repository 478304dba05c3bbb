"use server";

import { authorizedAction } from "@/lib/actions/safe-action";
import { getDb } from "@/lib/db";
import { createTopup } from "@/lib/topups/create-topup";
import { topupDeps } from "@/lib/topups/deps";
import { earlierTopup } from "@/lib/topups/earlier-topup";
import { requeryTopupFor } from "@/lib/topups/by-person";
import { createTopupSchema, requeryTopupSchema } from "@/lib/topups/topup-schemas";
import { toTopupJson } from "@/lib/topups/topup-view";

/** The form's submit: one order per idempotency key, whatever happens to the request. */
export const createTopupAction = authorizedAction(
  "topup:create",
  createTopupSchema,
  async (input, { user, ip }) => {
    const result = await createTopup(topupDeps(), { id: user.id, email: user.email, ip }, input);
    if (result.error) throw result.error;
    return {
      topup: toTopupJson({ ...result.topup, createdByEmail: user.email, createdByName: user.name }),
      replayed: !result.created,
    };
  },
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
  async ({ refId }, { user }) => requeryTopupFor(user, refId),
);
