import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { parseWithdrawalQuery } from "@/lib/withdrawals/list-query";
import { withdrawalPage } from "@/lib/withdrawals/read-withdrawals";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  await requirePermission("withdrawal:view");
  return NextResponse.json(
    await withdrawalPage(getDb(), parseWithdrawalQuery(new URL(request.url).searchParams)),
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
