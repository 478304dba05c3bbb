import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { openReviewCount } from "@/lib/review/read-review";

export const dynamic = "force-dynamic";

/** What waits for a manager: open items plus re-issues waiting for approval (the badge). */
export const GET = route("review:view", async () =>
  NextResponse.json({ open: await openReviewCount(getDb()) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
