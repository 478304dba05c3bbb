import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { releaseFor } from "@/lib/review/by-person";
import { itemIdSchema } from "@/lib/review/review-schemas";

export const dynamic = "force-dynamic";

export const POST = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requirePermission("review:act");
  const { id } = itemIdSchema.parse(await params);
  return NextResponse.json({ item: await releaseFor(user, id) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
