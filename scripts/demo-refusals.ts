import { payoutSignature } from "@/lib/payout/signing";

/**
 * The demo's refused callbacks, sent over real HTTP to the running dashboard once it is up:
 * what a forger, a misconfigured upstream or a replayed old callback looks like, so the
 * callbacks log has something to show under "refused". Each is answered 400 or 401.
 */
export async function sendDemoRefusals(baseUrl: string, env: Record<string, string>) {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "demo-forger/1.0", ...headers },
    });
  const p2w = {
    orderID: "P2W-DEMO-FORGED",
    refID: "TU-DEMOFORGED",
    status: "successed",
    balance: 1,
  };
  await post("/api/webhooks/p2w?token=guessed-token", JSON.stringify({ ...p2w, reason: "" }));
  await post("/api/webhooks/p2w?token=guessed-token", "status=successed&refID=TU-DEMOFORGED");
  await post("/api/webhooks/p2w", JSON.stringify({ refID: "TU-DEMOFORGED" }));

  const withdrawal = {
    merchant_id: env.PAYOUT_MERCHANT_ID ?? "",
    // Well formed, so the refusals shown are the signature, the time and the merchant.
    platform_order_id: "DEMW20260101FORGED000001",
    merchant_order_id: "PAYOUT-DEMO",
    order_datetime: "2026-01-01 10:00:00",
    bank: "KBANK",
    account_no: "1234567890",
    account_name: "สมชาย ใจดี",
    amount: 15000,
    status: "success",
    time: Math.floor(Date.now() / 1000),
  };
  const signed = (body: object, secret = env.PAYOUT_SECRET ?? "") => {
    const text = JSON.stringify(body);
    return [text, { "x-signature": payoutSignature(secret, text) }] as const;
  };
  await post("/api/webhooks/payout", ...signed(withdrawal, "not-the-shared-secret"));
  await post("/api/webhooks/payout", ...signed({ ...withdrawal, time: withdrawal.time - 3_600 }));
  await post("/api/webhooks/payout", ...signed({ ...withdrawal, merchant_id: "OTHER0001" }));
}
