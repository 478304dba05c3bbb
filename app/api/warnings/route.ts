import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { currentWarnings } from "@/lib/overview/warnings";
import { getSettings } from "@/lib/settings/settings";

export const dynamic = "force-dynamic";

/** The warnings raised now (the banner on every page of managers and admins). */
export const GET = route("warning:view", async () => {
  const db = getDb();
  return NextResponse.json({ warnings: await currentWarnings(db, await getSettings(db)) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
