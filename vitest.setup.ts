import { vi } from "vitest";

// `server-only` throws when imported outside a React Server environment; in unit tests
// the modules that carry it run in plain Node, which is exactly the server side.
vi.mock("server-only", () => ({}));
