import { NextResponse } from "next/server";

import { digestNow } from "@/lib/alerts/alerts-admin";
import { route, otherMethods } from "@/lib/api/route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Sends the daily digest now, marked as sent by hand, to every channel that takes it. */
export const POST = route("settings:manage", async (_request, { person }) =>
  NextResponse.json(await digestNow(getDb(), person)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
