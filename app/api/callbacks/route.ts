import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { callbackLogPage } from "@/lib/logs/read-logs";

export const dynamic = "force-dynamic";

/** The callbacks log: `upstream`, `verification`, `result`, `q`, `from`, `to`, `cursor`, `limit`. */
export const GET = route("callback:view", async (request) =>
  NextResponse.json(await callbackLogPage(getDb(), new URL(request.url).searchParams)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
