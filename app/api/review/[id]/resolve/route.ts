import { NextResponse } from "next/server";

import { idSchema } from "@/lib/api/id-schema";
import { readJson, route, otherMethods } from "@/lib/api/route";
import { resolveFor } from "@/lib/for-user/review";
import { resolveSchema } from "@/lib/review/review-schemas";

export const dynamic = "force-dynamic";

/** `{"outcome","note"}`: 409 ALREADY_RESOLVED, 422 for an outcome that does not fit or a short note. */
export const POST = route("review:act", idSchema, async (request, caller) => {
  const input = resolveSchema.parse(await readJson(request));
  return NextResponse.json({ item: await resolveFor(caller, caller.params.id, input) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
