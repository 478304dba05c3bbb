import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { readOverview } from "@/lib/overview/read-overview";

export const dynamic = "force-dynamic";

/** The overview's figures for `from`..`to` (Bangkok days, inclusive; today by default). */
export const GET = route("overview:view", async (request, { user }) => {
  const params = new URL(request.url).searchParams;
  return NextResponse.json(
    await readOverview(getDb(), user.role, {
      from: params.get("from") ?? undefined,
      to: params.get("to") ?? undefined,
    }),
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
