import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { reviewPage } from "@/lib/review/read-review";

export const dynamic = "force-dynamic";

/** The queue: `kind`, `reason`, `claimed=me|none|any`, `resolved=0|1`, `cursor`, `limit`. */
export const GET = route("review:view", async (request, { user }) =>
  NextResponse.json(await reviewPage(getDb(), user.id, new URL(request.url).searchParams)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
