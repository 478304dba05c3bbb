import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { checkConnectivity } from "@/lib/connectivity/check";
import { getP2wClient, getPayoutClient } from "@/lib/wiring";

export const dynamic = "force-dynamic";

/** A signed read of an id that cannot exist, to each upstream: `{"p2w":Check,"payout":Check}`. */
export const POST = route("settings:manage", async (_request, { person }) =>
  NextResponse.json(
    await checkConnectivity(
      { db: getDb(), p2w: getP2wClient(), payout: getPayoutClient() },
      person,
    ),
  ),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
