import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { callLogAnswer } from "@/lib/logs/read-logs";

export const dynamic = "force-dynamic";

/**
 * The upstream-calls log: `upstream`, `operation`, `outcome`, `q`, `from`, `to`, `cursor`,
 * `limit`; the first page also carries latency and error rate per operation (computed at
 * most every 10 s, shared by every viewer).
 */
export const GET = route("callback:view", async (request) =>
  NextResponse.json(await callLogAnswer(getDb(), new URL(request.url).searchParams)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
