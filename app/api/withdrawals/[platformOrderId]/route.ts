import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { withdrawalDetailFor } from "@/lib/withdrawals/by-person";

export const dynamic = "force-dynamic";

export const GET = route(
  async (_request, { params }: { params: Promise<{ platformOrderId: string }> }) => {
    const user = await requirePermission("withdrawal:view");
    const { withdrawal, history } = await withdrawalDetailFor(user, (await params).platformOrderId);
    return NextResponse.json({ withdrawal, history });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
