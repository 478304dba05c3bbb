import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { replayCallbackFor } from "@/lib/logs/by-person";
import { logIdSchema } from "@/lib/logs/log-schemas";

export const dynamic = "force-dynamic";

/** Re-processes a stored verified callback; 409 `NOT_REPLAYABLE` for a refused or pruned one. */
export const POST = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requirePermission("callback:replay");
  const { id } = logIdSchema.parse(await params);
  return NextResponse.json({ callback: await replayCallbackFor(user, id) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
