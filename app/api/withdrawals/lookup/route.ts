import { NextResponse } from "next/server";
import { z } from "zod";

import { readJson, route } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { lookupWithdrawalsFor } from "@/lib/withdrawals/by-person";
import { MAX_LOOKUP_IDS } from "@/lib/withdrawals/lookup";

export const dynamic = "force-dynamic";

const schema = z.object({
  platformOrderIds: z.array(z.string().max(100)).min(1).max(MAX_LOOKUP_IDS),
});

export const POST = route(async (request) => {
  const user = await requirePermission("withdrawal:lookup");
  const { platformOrderIds } = schema.parse(await readJson(request));
  return NextResponse.json({
    results: await lookupWithdrawalsFor(
      user,
      platformOrderIds.map((id) => id.trim()),
    ),
  });
});
