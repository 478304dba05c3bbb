import { NextResponse } from "next/server";

import { deleteChannel, updateChannel } from "@/lib/alerts/channel-admin";
import { idSchema } from "@/lib/api/id-schema";
import { readJson, route, otherMethods } from "@/lib/api/route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Replaces a channel's settings; a secret left out or sent back masked is kept. */
export const PUT = route("settings:manage", idSchema, async (request, { params, person }) =>
  NextResponse.json({
    channel: await updateChannel(getDb(), person, params.id, await readJson(request)),
  }),
);

/** Removes a channel and the messages still waiting for it. */
export const DELETE = route("settings:manage", idSchema, async (_request, { params, person }) => {
  await deleteChannel(getDb(), person, params.id);
  return NextResponse.json({ deleted: params.id });
});

export const { GET, POST, PATCH, OPTIONS } = otherMethods("PUT", "DELETE");
