/** What one upstream's answer to a read of an id that cannot exist tells us (browser-safe). */
export type Verdict = "works" | "credentials_refused" | "timeout" | "cannot_connect" | "unexpected";

export type Check = {
  verdict: Verdict;
  latencyMs: number;
  /** For `unexpected` (and any failure): what came back, as it came. */
  httpStatus: number | null;
  code: string | null;
};
