import { BlockList, isIP } from "node:net";

type HeaderGetter = (name: string) => string | null | undefined;

/**
 * The socket's address, written by the production server (`scripts/serve.mjs`) over
 * whatever a client sent under this name.
 */
export const PEER_HEADER = "x-dashboard-peer";

/**
 * Which hops in front of the dashboard are believed when they say who their client was:
 * none (the socket's address is the client), the last `hops` entries, or hops whose
 * address is in a list.
 */
export type TrustedProxies =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: BlockList };

/**
 * Reads `TRUSTED_PROXIES`: empty for none, a number of hops (`1` behind one reverse proxy),
 * or addresses and CIDR ranges separated by commas (`127.0.0.1, 10.0.0.0/8, ::1`).
 * Returns null for a value that is neither.
 */
export function parseTrustedProxies(value: string): TrustedProxies | null {
  const text = value.trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 32 ? { kind: "hops", hops } : null;
  }
  const list = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    const [address = "", bits, extra] = entry.split("/");
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return null;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) return null;
    list.addSubnet(address, prefix, type);
  }
  return { kind: "list", list };
}

/** `::ffff:10.0.0.1` as the IPv4 address it is; anything else trimmed. */
function plain(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

function isTrusted(address: string, trust: TrustedProxies & { kind: "list" }): boolean {
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address. The chain is every X-Forwarded-For entry followed by the socket's
 * peer; it is read from the right, and a hop is skipped only when it is trusted, so an
 * entry a client wrote itself is never believed over the proxies it passed through.
 *
 * Without the production server's peer header (`next dev`, or `next start` run by hand) the
 * last X-Forwarded-For entry stands in for the peer, which Next.js sets only when the client
 * sent none.
 */
export function clientIp(get: HeaderGetter, trust: TrustedProxies): string {
  const forwarded = (get("x-forwarded-for") ?? "")
    .split(",")
    .map(plain)
    .filter((entry) => entry !== "");
  const peer = plain(get(PEER_HEADER) ?? "");
  const chain = peer === "" ? forwarded : [...forwarded, peer];
  if (chain.length === 0) return "unknown";

  let index = chain.length - 1;
  if (trust.kind === "hops") index = Math.max(0, index - trust.hops);
  if (trust.kind === "list") {
    while (index > 0 && isTrusted(chain[index] ?? "", trust)) index--;
  }
  return chain[index] ?? "unknown";
}
