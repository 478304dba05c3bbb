import { NextResponse } from "next/server";

import { sendTest } from "@/lib/alerts/alerts-admin";
import { idSchema } from "@/lib/api/id-schema";
import { route, otherMethods } from "@/lib/api/route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Sends a test message now; the delivery says whether it arrived. */
export const POST = route("settings:manage", idSchema, async (_request, { params, person }) =>
  NextResponse.json({ delivery: await sendTest(getDb(), person, params.id) }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
