import { NextResponse } from "next/server";

import { idSchema } from "@/lib/api/id-schema";
import { route, otherMethods } from "@/lib/api/route";
import { callDetailFor } from "@/lib/for-user/logs";

export const dynamic = "force-dynamic";

/** One upstream call with its request and response (secrets redacted when recorded). */
export const GET = route("callback:view", idSchema, async (_request, caller) =>
  NextResponse.json({ call: await callDetailFor(caller, caller.params.id) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
