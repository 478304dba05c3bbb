import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { readJson, route, otherMethods } from "@/lib/api/route";
import { createTopupFor } from "@/lib/for-user/topups";
import { parseTopupQuery } from "@/lib/topups/list-query";
import { topupPage } from "@/lib/topups/read-topups";
import { createTopupSchema } from "@/lib/topups/topup-schemas";

export const dynamic = "force-dynamic";

export const GET = route("topup:view", async (request) =>
  NextResponse.json(await topupPage(getDb(), parseTopupQuery(new URL(request.url).searchParams))),
);

/** 201 created (pending), 202 created with an unknown outcome, 200 an earlier request's order. */
export const POST = route("topup:create", async (request, caller) => {
  const input = createTopupSchema.parse(await readJson(request));
  const { topup, replayed } = await createTopupFor(caller, input);
  const status = replayed ? 200 : topup.status === "unknown" ? 202 : 201;
  return NextResponse.json({ topup }, { status });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
