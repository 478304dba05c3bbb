import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db";
import { route, otherMethods } from "@/lib/api/route";
import { topupDetail } from "@/lib/topups/read-topups";

export const dynamic = "force-dynamic";

export const GET = route(
  "topup:view",
  z.object({ refId: z.string() }),
  async (_request, { params }) => {
    const { topup, history } = await topupDetail(getDb(), params.refId);
    return NextResponse.json({ topup, history });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
