import { NextResponse } from "next/server";

import { readJson, route, otherMethods } from "@/lib/api/route";
import { reissueFor } from "@/lib/for-user/review";
import { reissueSchema } from "@/lib/review/review-schemas";
import { requeryTopupSchema } from "@/lib/topups/topup-schemas";

export const dynamic = "force-dynamic";

/** 201 sent, 202 waiting for a second person's approval, 409 NOT_REISSUABLE. */
export const POST = route("review:act", requeryTopupSchema, async (request, caller) => {
  const input = reissueSchema.parse(await readJson(request));
  const { status, body } = await reissueFor(caller, caller.params.refId, input);
  return NextResponse.json(body, { status });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
