import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { requeryTopupFor } from "@/lib/topups/by-person";
import { requeryTopupSchema } from "@/lib/topups/topup-schemas";

export const dynamic = "force-dynamic";

export const POST = route(async (_request, { params }: { params: Promise<{ refId: string }> }) => {
  const user = await requirePermission("topup:requery");
  const { refId } = requeryTopupSchema.parse(await params);
  return NextResponse.json({ topup: await requeryTopupFor(user, refId) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
