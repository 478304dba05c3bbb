import type { UpstreamName } from "./results";
import type { CallbackDelivery, Outcome } from "./webhook";

/**
 * What the server's event loop asks of the callback thread, several in one message: verify
 * and store a delivery.
 */
export type ToThread = { serial: number; upstream: UpstreamName; delivery: CallbackDelivery };

/** Its answers (several in one message): the outcome once stored, or why it could not be. */
export type FromThread =
  { serial: number; outcome: Outcome } | { serial: number; outcome?: undefined; error: string };
