import { vi } from "vitest";

// `server-only` throws when imported outside a React Server environment; in unit tests
// the modules that carry it run in plain Node, which is exactly the server side.
vi.mock("server-only", () => ({}));

// The logger stays quiet in unit tests: a test that checks what is logged sets its own sink
// (`setLogSink` in lib/logger.ts), and the errors tests provoke on purpose do not bury a
// failure's output.
const { setLogSink } = await import("@/lib/logger");
setLogSink(null);
