import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { callbackDetailFor } from "@/lib/logs/by-person";
import { logIdSchema } from "@/lib/logs/log-schemas";

export const dynamic = "force-dynamic";

/** One callback with its body (account data masked unless the role may see it) and headers. */
export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requirePermission("callback:view");
  const { id } = logIdSchema.parse(await params);
  return NextResponse.json({ callback: await callbackDetailFor(user, id) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
