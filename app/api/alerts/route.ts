import { NextResponse } from "next/server";

import { alertsJson } from "@/lib/alerts/alerts-admin";
import { route, otherMethods } from "@/lib/api/route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Alerts raised now, and those of the last seven days that resolved. */
export const GET = route("warning:view", async () => NextResponse.json(await alertsJson(getDb())));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
