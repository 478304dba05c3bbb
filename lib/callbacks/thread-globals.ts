import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What Next.js's own runtime sets up on the server's main thread and the bundled modules
 * expect (the message catalog's formatter reaches Next's vendored React, which asks for
 * `globalThis.AsyncLocalStorage` as it loads). Imported first by the callback thread's entry.
 */
const g = globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage };
g.AsyncLocalStorage ??= AsyncLocalStorage;
