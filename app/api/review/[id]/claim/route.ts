import { NextResponse } from "next/server";

import { idSchema } from "@/lib/api/id-schema";
import { route, otherMethods } from "@/lib/api/route";
import { claimFor } from "@/lib/for-user/review";

export const dynamic = "force-dynamic";

/** "I am on it": 409 `CLAIMED` with who holds it. */
export const POST = route("review:act", idSchema, async (_request, caller) =>
  NextResponse.json({ item: await claimFor(caller, caller.params.id) }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
