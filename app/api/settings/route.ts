import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { readJson, route, otherMethods } from "@/lib/api/route";
import { getSettings, updateSettings } from "@/lib/settings/settings";

export const dynamic = "force-dynamic";

export const GET = route("settings:manage", async () =>
  NextResponse.json({ settings: await getSettings(getDb()) }),
);

/** A partial object of settings; every value valid or nothing is stored (400 INVALID_INPUT). */
export const PUT = route("settings:manage", async (request, { person }) =>
  NextResponse.json({ settings: await updateSettings(getDb(), person, await readJson(request)) }),
);

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods("GET", "PUT");
