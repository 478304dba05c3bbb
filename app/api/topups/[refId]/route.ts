import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { topupDetail } from "@/lib/topups/read-topups";

export const dynamic = "force-dynamic";

export const GET = route(async (_request, { params }: { params: Promise<{ refId: string }> }) => {
  await requirePermission("topup:view");
  const { refId } = await params;
  const { topup, history } = await topupDetail(getDb(), refId);
  return NextResponse.json({ topup, history });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
