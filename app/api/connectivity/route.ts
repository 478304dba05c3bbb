import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/respond";
import { requestIp, requirePermission } from "@/lib/auth/guard";
import { checkConnectivity } from "@/lib/connectivity/check";
import { getP2wClient, getPayoutClient } from "@/lib/upstream/clients";

export const dynamic = "force-dynamic";

/** A signed read of an id that cannot exist, to each upstream: `{"p2w":Check,"payout":Check}`. */
export const POST = route(async () => {
  const user = await requirePermission("settings:manage");
  const result = await checkConnectivity(
    { db: getDb(), p2w: getP2wClient(), payout: getPayoutClient() },
    { id: user.id, email: user.email, ip: await requestIp() },
  );
  return NextResponse.json(result);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
