import { NextResponse } from "next/server";

import { readJson, route, otherMethods } from "@/lib/api/route";
import { lookupWithdrawalsFor } from "@/lib/for-user/withdrawals";
import { lookupWithdrawalsSchema } from "@/lib/withdrawals/withdrawal-schemas";

export const dynamic = "force-dynamic";

export const POST = route("withdrawal:lookup", async (request, caller) => {
  const { platformOrderIds, storedOnly } = lookupWithdrawalsSchema.parse(await readJson(request));
  return NextResponse.json({
    results: await lookupWithdrawalsFor(caller, platformOrderIds, { storedOnly }),
  });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
