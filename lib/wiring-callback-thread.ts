// First: the globals the bundled modules below expect, as on the server's main thread.
import "@/lib/callbacks/thread-globals";

import { parentPort } from "node:worker_threads";

import { listenForCallbacks } from "@/lib/callbacks/intake";
import type {
  FromThread,
  FromThreadMessage,
  ToThreadMessage,
} from "@/lib/callbacks/thread-messages";
import { localIntake } from "@/lib/callbacks/webhook";
import { getEnv } from "@/lib/env";
import { instruments } from "@/lib/metrics/instruments";
import { callbackReceivers, newCallbackWorker } from "@/lib/wiring";

/**
 * The callback thread's entry (started by lib/callbacks/callback-thread.ts), composed from
 * lib/wiring.ts like the server's process. Each delivery is verified here and
 * stored on this thread's `FULL` connection (`getDb`, through the upstream's deps), those
 * that arrive together in one transaction; the outcome goes back once the row is durable,
 * and the worker (on its own `NORMAL` connection) is woken.
 */
const worker = newCallbackWorker().start();
const intake = localIntake(callbackReceivers(), worker);
// The callbacks' own listener (CALLBACK_PORT), on this thread's event loop: the server's
// pages and lists never delay its answers.
const { CALLBACK_PORT } = getEnv();
if (CALLBACK_PORT) listenForCallbacks(CALLBACK_PORT, intake);
/** Answers ready in the same turn go back as one message (one wake-up of the server's loop). */
let answers: FromThread[] = [];
const answer = (message: FromThread) => {
  if (answers.length === 0) setImmediate(flushAnswers);
  answers.push(message);
};
function flushAnswers() {
  parentPort?.postMessage(answers satisfies FromThreadMessage);
  answers = [];
}

parentPort?.on("message", (message: ToThreadMessage) => {
  if (!Array.isArray(message)) {
    // A scrape of /api/metrics: this thread's counters, added to the server's there.
    void instruments()
      .registry.getMetricsAsJSON()
      .then((metrics) =>
        parentPort?.postMessage({
          metricsAsked: message.metricsAsked,
          metrics,
        } satisfies FromThreadMessage),
      );
    return;
  }
  for (const { serial, upstream, delivery } of message)
    intake.deliver(upstream, delivery).then(
      (outcome) => answer({ serial, outcome }),
      (error: unknown) => answer({ serial, error: String(error).slice(0, 200) }),
    );
});
