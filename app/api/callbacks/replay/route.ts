import { NextResponse } from "next/server";

import { readJson, route, otherMethods } from "@/lib/api/route";
import { replayCallbacksFor } from "@/lib/for-user/logs";
import { bulkReplaySchema } from "@/lib/logs/log-schemas";

export const dynamic = "force-dynamic";

/** Bulk replay `{"ids":[…]}` (at most 100): one answer per id, in order. */
export const POST = route("callback:replay", async (request, caller) => {
  const { ids } = bulkReplaySchema.parse(await readJson(request));
  return NextResponse.json({ results: await replayCallbacksFor(caller, ids) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
