import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { reviewPage } from "@/lib/review/read-review";

export const dynamic = "force-dynamic";

/** The queue: `kind`, `reason`, `claimed=me|none|any`, `resolved=0|1`, `cursor`, `limit`. */
export const GET = route(async (request) => {
  const user = await requirePermission("review:view");
  return NextResponse.json(await reviewPage(getDb(), user.id, new URL(request.url).searchParams));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
