import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { requeryWithdrawalFor } from "@/lib/withdrawals/by-person";
import { requeryWithdrawalSchema } from "@/lib/withdrawals/withdrawal-schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  async (_request, { params }: { params: Promise<{ platformOrderId: string }> }) => {
    const user = await requirePermission("withdrawal:requery");
    return NextResponse.json({
      withdrawal: await requeryWithdrawalFor(
        user,
        requeryWithdrawalSchema.parse(await params).platformOrderId,
      ),
    });
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
