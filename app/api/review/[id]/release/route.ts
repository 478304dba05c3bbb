import { NextResponse } from "next/server";

import { idSchema } from "@/lib/api/id-schema";
import { route, otherMethods } from "@/lib/api/route";
import { releaseFor } from "@/lib/for-user/review";

export const dynamic = "force-dynamic";

export const POST = route("review:act", idSchema, async (_request, caller) =>
  NextResponse.json({ item: await releaseFor(caller, caller.params.id) }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
