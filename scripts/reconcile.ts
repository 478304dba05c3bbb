import { fail, loadDotEnv } from "./cli";

/** `npm run reconcile`: one reconciler pass now, under the same lease as the servers'. */
loadDotEnv();
const { acquireLease, releaseLease } = await import("@/db/queries/leases");
const { reconcileOnce } = await import("@/lib/reconciler/reconcile");
const { holderId, LEASE_NAME } = await import("@/lib/reconciler/runner");
const { orderDeps } = await import("@/lib/wiring");
const deps = orderDeps();
const holder = holderId();
if (!(await acquireLease(deps.topups.db, LEASE_NAME, holder, 10 * 60_000))) {
  fail(
    "Another process holds the reconciler lease (a running server?). Try again later or stop it.",
  );
}
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
  console.log(JSON.stringify(await reconcileOnce(deps), null, 2));
} finally {
  await releaseLease(deps.topups.db, LEASE_NAME, holder);
  deps.topups.db.$store.close();
}
