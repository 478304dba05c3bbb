import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { callDetailFor } from "@/lib/logs/by-person";
import { logIdSchema } from "@/lib/logs/log-schemas";

export const dynamic = "force-dynamic";

/** One upstream call with its request and response (secrets redacted when recorded). */
export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requirePermission("callback:view");
  const { id } = logIdSchema.parse(await params);
  return NextResponse.json({ call: await callDetailFor(user, id) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
