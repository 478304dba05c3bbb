import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { readJson, route, otherMethods } from "@/lib/api/respond";
import { requestIp, requirePermission } from "@/lib/auth/guard";
import { createTopup } from "@/lib/topups/create-topup";
import { topupDeps } from "@/lib/topups/deps";
import { parseTopupQuery } from "@/lib/topups/list-query";
import { topupPage } from "@/lib/topups/read-topups";
import { createTopupSchema } from "@/lib/topups/topup-schemas";
import { toTopupJson } from "@/lib/topups/topup-view";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  await requirePermission("topup:view");
  const query = parseTopupQuery(new URL(request.url).searchParams);
  return NextResponse.json(await topupPage(getDb(), query));
});

/** 201 created (pending), 202 created with an unknown outcome, 200 an earlier request's order. */
export const POST = route(async (request) => {
  const user = await requirePermission("topup:create");
  const input = createTopupSchema.parse(await readJson(request));
  const result = await createTopup(
    topupDeps(),
    { id: user.id, email: user.email, ip: await requestIp() },
    input,
  );
  if (result.error) throw result.error;
  const status = !result.created ? 200 : result.topup.status === "unknown" ? 202 : 201;
  return NextResponse.json(
    {
      topup: toTopupJson({ ...result.topup, createdByEmail: user.email, createdByName: user.name }),
    },
    { status },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
