import { NextResponse } from "next/server";

import { readJson, route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { resolveFor } from "@/lib/review/by-person";
import { itemIdSchema, resolveSchema } from "@/lib/review/review-schemas";

export const dynamic = "force-dynamic";

/** `{"outcome","note"}`: 409 ALREADY_RESOLVED, 422 for an outcome that does not fit or a short note. */
export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requirePermission("review:act");
  const { id } = itemIdSchema.parse(await params);
  const input = resolveSchema.parse(await readJson(request));
  return NextResponse.json({ item: await resolveFor(user, id, input) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
