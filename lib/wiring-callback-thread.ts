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
import { logger } from "@/lib/logger";
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
const listener = CALLBACK_PORT ? listenForCallbacks(CALLBACK_PORT, intake) : undefined;
/** How long a stopping server goes on taking stored callbacks (then it finishes those in hand). */
const DRAIN_CLAIMS_MS = 5_000;
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
  if ("drain" in message) {
    // The server stops. Its own port takes no more callbacks and every one it took is
    // answered (stored) before it asks; this thread's listener is closed the same way, then
    // the worker processes what is stored.
    void (async () => {
      let took = 0;
      try {
        await listener?.close();
        took = await worker.drain(DRAIN_CLAIMS_MS);
      } catch (error) {
        logger.error("callback thread could not drain", { error });
      }
      parentPort?.postMessage({ drained: message.drain, took } satisfies FromThreadMessage);
    })();
    return;
  }
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
