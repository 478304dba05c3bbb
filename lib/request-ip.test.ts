import { describe, expect, it } from "vitest";

import { parseEnv } from "./env";
import { clientIp, parseTrustedProxies, PEER_HEADER, type TrustedProxies } from "./request-ip";

function trust(value: string): TrustedProxies {
  const parsed = parseTrustedProxies(value);
  if (parsed === null) throw new Error(`not a setting: ${value}`);
  return parsed;
}

/** The address the dashboard sees for a request from `peer` with these forwarded entries. */
function seen(peer: string, forwardedFor: string | null, setting: string): string {
  const headers: Record<string, string> = { [PEER_HEADER]: peer };
  if (forwardedFor !== null) headers["x-forwarded-for"] = forwardedFor;
  return clientIp((name) => headers[name], trust(setting));
}

describe("clientIp", () => {
  it("direct: the socket's address is the client, whatever the headers say", () => {
    expect(seen("203.0.113.7", null, "")).toBe("203.0.113.7");
    expect(seen("203.0.113.7", "1.2.3.4", "")).toBe("203.0.113.7");
    expect(seen("::ffff:203.0.113.7", null, "")).toBe("203.0.113.7");
  });

  it("one proxy: its entry names the client", () => {
    expect(seen("10.0.0.2", "198.51.100.20", "1")).toBe("198.51.100.20");
    expect(seen("10.0.0.2", "198.51.100.20", "10.0.0.0/8")).toBe("198.51.100.20");
  });

  it("two proxies: the client is the entry before both", () => {
    const chain = "198.51.100.20, 10.0.0.9";
    expect(seen("10.0.0.2", chain, "2")).toBe("198.51.100.20");
    expect(seen("10.0.0.2", chain, "10.0.0.0/8")).toBe("198.51.100.20");
    expect(seen("::1", chain, "::1, 10.0.0.0/8")).toBe("198.51.100.20");
  });

  it("a spoofed header: what the client wrote is never believed over the proxy", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real address.
    const chain = "1.2.3.4, 198.51.100.20";
    expect(seen("10.0.0.2", chain, "1")).toBe("198.51.100.20");
    expect(seen("10.0.0.2", chain, "10.0.0.0/8")).toBe("198.51.100.20");
    // Sent straight to the dashboard, past the proxy: the socket is the client.
    expect(seen("198.51.100.20", "1.2.3.4", "10.0.0.0/8")).toBe("198.51.100.20");
    // A chain shorter than the trusted hops stops at its first entry.
    expect(seen("10.0.0.2", null, "3")).toBe("10.0.0.2");
  });

  it("without the production server's header, the last forwarded entry stands in", () => {
    const get = (name: string) => (name === "x-forwarded-for" ? "1.2.3.4, 127.0.0.1" : null);
    expect(clientIp(get, trust(""))).toBe("127.0.0.1");
    expect(clientIp(() => null, trust(""))).toBe("unknown");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("accepts none, hops, and addresses or ranges", () => {
    expect(parseTrustedProxies("")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8")?.kind).toBe("list");
  });

  it("refuses what is neither, naming the variable and not the value", () => {
    for (const bad of ["proxy.local", "10.0.0.0/33", "10.0.0.1/8/1", "99"]) {
      expect(parseTrustedProxies(bad)).toBeNull();
      expect(() => parseEnv({ NODE_ENV: "test", TRUSTED_PROXIES: bad })).toThrow(
        "TRUSTED_PROXIES is invalid",
      );
    }
  });
});
