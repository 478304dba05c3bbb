import "server-only";

import { getEnv, SENSITIVE_NAMES } from "@/lib/env";

/**
 * Structured logs on stdout. Values of the configured secrets are scrubbed from every line,
 * whatever object they hide in, as a last line of defence behind redaction at the source.
 */
type Level = "info" | "warn" | "error";

function secretValues(): string[] {
  try {
    const env = getEnv();
    return SENSITIVE_NAMES.map((name) => env[name]).filter(
      (v): v is string => v !== undefined && v.length >= 6,
    );
  } catch {
    return []; // configuration itself is broken; the start-up check reports that
  }
}

function serialize(fields: Record<string, unknown>): string {
  return JSON.stringify(fields, (_key, value: unknown) =>
    value instanceof Error
      ? { name: value.name, message: value.message, stack: value.stack }
      : value,
  );
}

function scrub(text: string): string {
  let out = text;
  for (const secret of secretValues()) out = out.split(secret).join("[redacted]");
  return out;
}

type Sink = (level: Level, line: string) => void;

const toConsole: Sink = (level, line) => {
  if (level === "error") console.error(line);
  else console.log(line);
};
let sink: Sink = toConsole;

/**
 * Where log lines go: stdout (the default), nowhere (`null`: the unit tests, so their output
 * shows failures, not the errors a test provoked on purpose) or a test's own collector.
 * Returns the previous sink, to put back.
 */
export function setLogSink(next: Sink | null): Sink {
  const previous = sink;
  sink = next ?? (() => {});
  return previous;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  sink(level, scrub(serialize({ level, time: new Date().toISOString(), message, ...fields })));
}

export const logger = {
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
