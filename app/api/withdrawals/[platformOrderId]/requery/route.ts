import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/route";
import { requeryWithdrawalFor } from "@/lib/for-user/withdrawals";
import { requeryWithdrawalSchema } from "@/lib/withdrawals/withdrawal-schemas";

export const dynamic = "force-dynamic";

export const POST = route("withdrawal:requery", requeryWithdrawalSchema, async (_request, caller) =>
  NextResponse.json({
    withdrawal: await requeryWithdrawalFor(caller, caller.params.platformOrderId),
  }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
