"use server";

import { authorizedAction } from "@/lib/actions/safe-action";
import { replayCallbackFor } from "@/lib/logs/by-person";
import { logIdSchema } from "@/lib/logs/log-schemas";

export const replayCallbackAction = authorizedAction(
  "callback:replay",
  logIdSchema,
  async ({ id }, { user }) => replayCallbackFor(user, id),
);
