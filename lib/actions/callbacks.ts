"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { idSchema } from "@/lib/api/id-schema";
import { replayCallbackFor } from "@/lib/for-user/logs";

export const replayCallbackAction = authorizedAction(
  "callback:replay",
  idSchema,
  async ({ id }, caller) => replayCallbackFor(caller, id),
);
