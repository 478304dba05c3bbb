import { NextResponse } from "next/server";

import { deliveriesJson } from "@/lib/alerts/alerts-admin";
import { route, otherMethods } from "@/lib/api/route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** The last 50 messages, newest first; `?channel=` and `?status=` narrow them. */
export const GET = route("settings:manage", async (request) =>
  NextResponse.json(await deliveriesJson(getDb(), new URL(request.url).searchParams)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
