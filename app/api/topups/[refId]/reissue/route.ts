import { NextResponse } from "next/server";

import { readJson, route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { reissueFor } from "@/lib/review/by-person";
import { reissueSchema } from "@/lib/review/review-schemas";
import { requeryTopupSchema } from "@/lib/topups/topup-schemas";

export const dynamic = "force-dynamic";

/** 201 sent, 202 waiting for a second person's approval, 409 NOT_REISSUABLE. */
export const POST = route(async (request, { params }: { params: Promise<{ refId: string }> }) => {
  const user = await requirePermission("review:act");
  const { refId } = requeryTopupSchema.parse(await params);
  const input = reissueSchema.parse(await readJson(request));
  const { status, body } = await reissueFor(user, refId, input);
  return NextResponse.json(body, { status });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
