/** The two upstreams, by the names the logs, metrics and URLs use (browser-safe). */
export const UPSTREAMS = ["p2w", "payout"] as const;
export type UpstreamName = (typeof UPSTREAMS)[number];
