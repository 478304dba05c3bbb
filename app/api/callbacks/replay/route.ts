import { NextResponse } from "next/server";

import { readJson, route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { replayCallbacksFor } from "@/lib/logs/by-person";
import { bulkReplaySchema } from "@/lib/logs/log-schemas";

export const dynamic = "force-dynamic";

/** Bulk replay `{"ids":[…]}` (at most 100): one answer per id, in order. */
export const POST = route(async (request) => {
  const user = await requirePermission("callback:replay");
  const { ids } = bulkReplaySchema.parse(await readJson(request));
  return NextResponse.json({ results: await replayCallbacksFor(user, ids) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
