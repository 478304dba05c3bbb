import { fail, loadDotEnv } from "./cli";

/** `npm run reconcile`: one reconciler pass now, under the same lease as the servers'. */
loadDotEnv();
const { handOverLease, takeLease } = await import("@/db/queries/leases");
const { holderId, LEASE_NAME, runPass } = await import("@/lib/reconciler/runner");
const { orderDeps } = await import("@/lib/wiring");
const deps = orderDeps();
const holder = holderId();
const lease = await takeLease(deps.topups.db, LEASE_NAME, holder, 10 * 60_000);
if (!lease) {
  fail(
    "Another process holds the reconciler lease (a running server?). Try again later or stop it.",
  );
}
let summary: Awaited<ReturnType<typeof runPass>>;
try {
  // No server runs (it would hold the lease): callbacks it acknowledged and left waiting are
  // processed first, by the same worker the server runs, until none waits.
  const { CallbackWorker } = await import("@/lib/callbacks/worker");
  const { p2wWebhook } = await import("@/lib/topups/p2w-callback");
  const { payoutWebhook } = await import("@/lib/withdrawals/payout-callback");
  const worker = new CallbackWorker(() => deps.topups.db, {
    p2w: (id) => p2wWebhook.process(deps.topups, id),
    payout: (id) => payoutWebhook.process(deps.withdrawals, id),
  }).start();
  await worker.settled();
  await worker.stop();
  summary = await runPass(deps, lease);
} finally {
  await handOverLease(deps.topups.db, lease);
  deps.topups.db.$store.close();
}
if (!summary) fail("The pass failed (the log above says why).");
console.log(JSON.stringify(summary, null, 2));
