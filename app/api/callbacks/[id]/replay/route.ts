import { NextResponse } from "next/server";

import { idSchema } from "@/lib/api/id-schema";
import { route, otherMethods } from "@/lib/api/route";
import { replayCallbackFor } from "@/lib/for-user/logs";

export const dynamic = "force-dynamic";

/** Re-processes a stored verified callback; 409 `NOT_REPLAYABLE` for a refused or pruned one. */
export const POST = route("callback:replay", idSchema, async (_request, caller) =>
  NextResponse.json({ callback: await replayCallbackFor(caller, caller.params.id) }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
