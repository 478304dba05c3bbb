import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db";
import { readJson, route } from "@/lib/api/respond";
import { requestIp, requirePermission } from "@/lib/auth/guard";
import { createTopup } from "@/lib/topups/create-topup";
import { topupDeps } from "@/lib/topups/deps";
import { parseTopupQuery } from "@/lib/topups/list-query";
import { topupPage } from "@/lib/topups/read-topups";
import { toTopupJson } from "@/lib/topups/topup-view";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  await requirePermission("topup:view");
  const query = parseTopupQuery(new URL(request.url).searchParams);
  return NextResponse.json(await topupPage(getDb(), query));
});

const createSchema = z.object({
  packageId: z.string().min(1).max(64),
  topupInfo: z.record(z.string(), z.union([z.string(), z.number()])),
  idempotencyKey: z.string().min(8).max(100).optional(),
});

/** 201 created (pending), 202 created with an unknown outcome, 200 an earlier request's order. */
export const POST = route(async (request) => {
  const user = await requirePermission("topup:create");
  const input = createSchema.parse(await readJson(request));
  const result = await createTopup(
    topupDeps(),
    { id: user.id, email: user.email, ip: await requestIp() },
    input,
  );
  if (result.error) throw result.error;
  const status = !result.created ? 200 : result.topup.status === "unknown" ? 202 : 201;
  return NextResponse.json(
    { topup: toTopupJson({ ...result.topup, createdByEmail: user.email }) },
    { status },
  );
});
