import { NextResponse } from "next/server";

import { idSchema } from "@/lib/api/id-schema";
import { readJson, route, otherMethods } from "@/lib/api/route";
import { approveFor } from "@/lib/for-user/review";
import { decideApprovalSchema } from "@/lib/review/review-schemas";

export const dynamic = "force-dynamic";

/** `{"note"}`: 403 SAME_PERSON for the requester, 409 ALREADY_DECIDED when someone was first. */
export const POST = route("review:act", idSchema, async (request, caller) =>
  NextResponse.json(
    await approveFor(caller, caller.params.id, decideApprovalSchema.parse(await readJson(request))),
  ),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
