import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { currentWarnings } from "@/lib/overview/warnings";
import { getSettings } from "@/lib/settings/settings";

export const dynamic = "force-dynamic";

/** The warnings raised now (the banner on every page of managers and admins). */
export const GET = route(async () => {
  await requirePermission("warning:view");
  const db = getDb();
  return NextResponse.json({ warnings: await currentWarnings(db, await getSettings(db)) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
