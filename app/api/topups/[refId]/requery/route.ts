import { NextResponse } from "next/server";

import { route, otherMethods } from "@/lib/api/route";
import { requeryTopupFor } from "@/lib/for-user/topups";
import { requeryTopupSchema } from "@/lib/topups/topup-schemas";

export const dynamic = "force-dynamic";

export const POST = route("topup:requery", requeryTopupSchema, async (_request, caller) =>
  NextResponse.json({ topup: await requeryTopupFor(caller, caller.params.refId) }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
