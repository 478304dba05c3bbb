import { NextResponse } from "next/server";
import { z } from "zod";

import { route, otherMethods } from "@/lib/api/route";
import { withdrawalDetailFor } from "@/lib/for-user/withdrawals";

export const dynamic = "force-dynamic";

export const GET = route(
  "withdrawal:view",
  z.object({ platformOrderId: z.string() }),
  async (_request, caller) => {
    const { withdrawal, history } = await withdrawalDetailFor(
      caller,
      caller.params.platformOrderId,
    );
    return NextResponse.json({ withdrawal, history });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
