import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { parseWithdrawalQuery } from "@/lib/withdrawals/list-query";
import { withdrawalPage } from "@/lib/withdrawals/read-withdrawals";

export const dynamic = "force-dynamic";

export const GET = route("withdrawal:view", async (request) =>
  NextResponse.json(
    await withdrawalPage(getDb(), parseWithdrawalQuery(new URL(request.url).searchParams)),
  ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
