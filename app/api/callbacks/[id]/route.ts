import { NextResponse } from "next/server";

import { idSchema } from "@/lib/api/id-schema";
import { route, otherMethods } from "@/lib/api/route";
import { callbackDetailFor } from "@/lib/for-user/logs";

export const dynamic = "force-dynamic";

/** One callback with its body (account data masked unless the role may see it) and headers. */
export const GET = route("callback:view", idSchema, async (_request, caller) =>
  NextResponse.json({ callback: await callbackDetailFor(caller, caller.params.id) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
