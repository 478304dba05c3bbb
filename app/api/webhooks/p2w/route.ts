import { after, NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { payloadTooLarge, readRawBody } from "@/lib/api/respond";
import { enqueue } from "@/lib/callbacks/queue";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";
import { topupDeps } from "@/lib/topups/deps";
import { processP2wCallback, receiveP2wCallback } from "@/lib/topups/p2w-callback";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

const MESSAGES: Record<string, string> = {
  BAD_JSON: "body is not JSON",
  VALIDATION: "body is not a P2W callback",
  BAD_TOKEN: "token does not match refID",
};

/**
 * P2W completion callback (CONTRACT §1). Answers 2xx only once the raw event is committed;
 * processing (confirmation read included) happens after the answer.
 */
export async function POST(request: Request) {
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (rawBody === null) return payloadTooLarge();
  const receipt = await receiveP2wCallback(getDb(), {
    rawBody,
    token: new URL(request.url).searchParams.get("token"),
    ip: clientIp((name) => request.headers.get(name)),
    webhookSecret: getEnv().WEBHOOK_SECRET,
  });
  if (receipt.status !== 200) {
    return NextResponse.json(
      { error: { code: receipt.code, message: MESSAGES[receipt.code] ?? receipt.code } },
      { status: receipt.status },
    );
  }
  after(() =>
    enqueue(async () => void (await processP2wCallback(topupDeps(), receipt.callbackId))),
  );
  return NextResponse.json({ success: true });
}
