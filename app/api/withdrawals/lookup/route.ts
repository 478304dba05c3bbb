import { NextResponse } from "next/server";

import { readJson, route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { lookupWithdrawalsFor } from "@/lib/withdrawals/by-person";
import { lookupWithdrawalsSchema } from "@/lib/withdrawals/withdrawal-schemas";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const user = await requirePermission("withdrawal:lookup");
  const { platformOrderIds, storedOnly } = lookupWithdrawalsSchema.parse(await readJson(request));
  const results = await lookupWithdrawalsFor(user, platformOrderIds, { storedOnly });
  return NextResponse.json({ results });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
