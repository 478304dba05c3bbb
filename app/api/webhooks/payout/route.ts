import { after, NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { payloadTooLarge, readRawBody } from "@/lib/api/respond";
import { enqueue } from "@/lib/callbacks/queue";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";
import { withdrawalDeps } from "@/lib/withdrawals/deps";
import { processPayoutCallback, receivePayoutCallback } from "@/lib/withdrawals/payout-callback";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

const MESSAGES: Record<string, string> = {
  BAD_SIGNATURE: "signature does not match",
  BAD_JSON: "body is not JSON",
  VALIDATION: "body is not a withdraw callback",
  BAD_MERCHANT: "unknown merchant",
  STALE_TIME: "time is more than 300 s from ours",
};

/** The gateway's withdraw callback (CONTRACT §2); `{"success":true}` once stored. */
export async function POST(request: Request) {
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (rawBody === null) return payloadTooLarge();
  const env = getEnv();
  const receipt = await receivePayoutCallback(getDb(), {
    rawBody,
    signature: request.headers.get("x-signature"),
    ip: clientIp((name) => request.headers.get(name)),
    secret: env.PAYOUT_SECRET,
    merchantId: env.PAYOUT_MERCHANT_ID,
  });
  if (receipt.status !== 200) {
    return NextResponse.json(
      {
        success: false,
        error: { code: receipt.code, message: MESSAGES[receipt.code] ?? receipt.code },
      },
      { status: receipt.status },
    );
  }
  after(() =>
    enqueue(async () => void (await processPayoutCallback(withdrawalDeps(), receipt.callbackId))),
  );
  return NextResponse.json({ success: true });
}
