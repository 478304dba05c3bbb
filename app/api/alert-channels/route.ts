import { NextResponse } from "next/server";

import { createChannel, listChannelsJson } from "@/lib/alerts/channel-admin";
import { readJson, route, otherMethods } from "@/lib/api/route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Where alerts go; secrets come back masked. */
export const GET = route("settings:manage", async () =>
  NextResponse.json({ channels: await listChannelsJson(getDb()) }),
);

/** A new channel; every field valid or nothing is stored (400 INVALID_INPUT). */
export const POST = route("settings:manage", async (request, { person }) =>
  NextResponse.json(
    { channel: await createChannel(getDb(), person, await readJson(request)) },
    { status: 201 },
  ),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
