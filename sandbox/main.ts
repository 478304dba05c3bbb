import { DEV_DEFAULTS } from "@/lib/env";

import { startAlertReceivers } from "./alert-receivers";
import { parseFaultsArg } from "./faults";
import { readKnownOrders } from "./known-orders";
import { startP2wSandbox } from "./p2w";
import { startPayoutSandbox } from "./payout";

/**
 * `npm run sandbox`: both simulators, configured by the same variables as the dashboard
 * (the shared secrets must match), plus SANDBOX_P2W_PORT, SANDBOX_PAYOUT_PORT,
 * SANDBOX_FAULTS (a JSON array of fault rules, see sandbox/faults.ts) and
 * SANDBOX_NEW_WITHDRAWAL_EVERY_MS, SANDBOX_FAILURE_RATE (0..1, default 0.1) and
 * SANDBOX_COMPLETE_AFTER_MS (how long an order takes), SANDBOX_KNOWN_ORDERS (a file of
 * orders both hold from the start: sandbox/known-orders.ts), SANDBOX_ALERTS_PORT and
 * SANDBOX_SMTP_PORT (the stand-ins alerts are sent to: sandbox/alert-receivers.ts) and
 * SANDBOX_LINE_TOKEN (the LINE token they accept). Fault rules can be changed at run time through
 * `POST /__control/faults` on either simulator.
 */
try {
  process.loadEnvFile(".env");
} catch {
  // no .env: environment and defaults
}
const env = (name: string) => process.env[name] || DEV_DEFAULTS[name] || "";
const faults = parseFaultsArg(process.env.SANDBOX_FAULTS);
/** Where the dashboard takes callbacks: its own listener when it has one (CALLBACK_URL). */
const callbackUrl = env("CALLBACK_URL") || env("APP_URL");
const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const failureRate = number("SANDBOX_FAILURE_RATE");
const completeAfterMs = number("SANDBOX_COMPLETE_AFTER_MS");
const known = readKnownOrders(process.env.SANDBOX_KNOWN_ORDERS);

const p2w = await startP2wSandbox({
  port: Number(process.env.SANDBOX_P2W_PORT ?? 4010),
  partnerId: env("P2W_PARTNER_ID"),
  secret: env("P2W_SECRET"),
  basePath: new URL(env("P2W_API_URL")).pathname.replace(/\/+$/, ""),
  faults,
  failureRate,
  completeAfterMs,
  processingAfterMs: completeAfterMs === undefined ? undefined : Math.floor(completeAfterMs / 3),
  known: known.p2w,
});
const payout = await startPayoutSandbox({
  port: Number(process.env.SANDBOX_PAYOUT_PORT ?? 4020),
  merchantId: env("PAYOUT_MERCHANT_ID"),
  token: env("PAYOUT_TOKEN"),
  secret: env("PAYOUT_SECRET"),
  webhookUrl: new URL("/api/webhooks/payout", callbackUrl).toString(),
  newEveryMs: Number(process.env.SANDBOX_NEW_WITHDRAWAL_EVERY_MS ?? 30_000),
  faults,
  failureRate,
  completeAfterMs: completeAfterMs === undefined ? undefined : completeAfterMs * 2,
  known: known.payout,
});

const alerts = process.env.SANDBOX_ALERTS_PORT
  ? await startAlertReceivers({
      port: Number(process.env.SANDBOX_ALERTS_PORT),
      smtpPort: Number(process.env.SANDBOX_SMTP_PORT ?? 2525),
      lineToken: process.env.SANDBOX_LINE_TOKEN,
    })
  : undefined;

console.log(`P2W sandbox:    ${p2w.baseUrl}   (control: ${p2w.origin}/__control/state)`);
if (alerts) console.log(`Alerts received: ${alerts.url}   (Slack, LINE and e-mail stand-ins)`);
console.log(
  `Payout sandbox: ${payout.baseUrl}   (control: ${payout.baseUrl}/__control/withdrawals)`,
);

const stop = () => {
  void Promise.all([p2w.close(), payout.close(), alerts?.close()]).then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
