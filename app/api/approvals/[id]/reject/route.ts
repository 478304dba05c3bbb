import { NextResponse } from "next/server";

import { readJson, route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { rejectFor } from "@/lib/review/by-person";
import { decideApprovalSchema, itemIdSchema } from "@/lib/review/review-schemas";

export const dynamic = "force-dynamic";

/** `{"note"}`: 403 SAME_PERSON for the requester, 409 ALREADY_DECIDED when someone was first. */
export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requirePermission("review:act");
  const { id } = itemIdSchema.parse(await params);
  const input = decideApprovalSchema.parse(await readJson(request));
  return NextResponse.json(await rejectFor(user, id, input));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
