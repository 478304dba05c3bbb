import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { readJson, route, otherMethods } from "@/lib/api/respond";
import { requestIp, requirePermission } from "@/lib/auth/guard";
import { getSettings, updateSettings } from "@/lib/settings/settings";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  await requirePermission("settings:manage");
  return NextResponse.json({ settings: await getSettings(getDb()) });
});

/** A partial object of settings; every value valid or nothing is stored (400 INVALID_INPUT). */
export const PUT = route(async (request) => {
  const user = await requirePermission("settings:manage");
  const settings = await updateSettings(
    getDb(),
    { id: user.id, email: user.email, ip: await requestIp() },
    await readJson(request),
  );
  return NextResponse.json({ settings });
});

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods("GET", "PUT");
