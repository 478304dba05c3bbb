import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { changesSince, latestChangeId } from "@/db/queries/history";
import { route, otherMethods } from "@/lib/api/route";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

/**
 * The live-status feed: which orders changed since a cursor (opaque: db/store.ts).
 * Without `since`, only the current cursor. One indexed read; one browser polls it for
 * all its tabs (components/live-changes.tsx).
 */
export const GET = route("signed-in", async (request, { user }) => {
  // Only ids of orders this person may see.
  const visible = {
    topup: can(user.role, "topup:view"),
    withdrawal: can(user.role, "withdrawal:view"),
  };
  const since = Number(new URL(request.url).searchParams.get("since"));
  const db = getDb();
  if (
    !Number.isSafeInteger(since) ||
    since < 0 ||
    !new URL(request.url).searchParams.has("since")
  ) {
    return NextResponse.json({ cursor: await latestChangeId(db), changes: [] });
  }
  const page = await changesSince(db, since, 500);
  return NextResponse.json({
    cursor: page.cursor,
    changes: page.changes
      .filter((r) => visible[r.entityType])
      .map((r) => ({ type: r.entityType, id: r.entityId })),
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
