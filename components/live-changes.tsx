"use client";

import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";

import { ApiRefusal, getJson } from "@/lib/api/client";

export type Change = { type: "topup" | "withdrawal"; id: string };
type Listener = (changes: Change[]) => void;

const Context = createContext<{ subscribe: (listener: Listener) => () => void } | null>(null);

const POLL_MS = 1_000;
const CHANNEL = "ops-live-changes";
const LOCK = "ops-live-changes-poller";

/**
 * Live status for every open page. One tab per browser polls the server's change feed
 * (elected with a Web Lock) and shares what it hears with the others over a
 * BroadcastChannel, so fifty open tabs cost one cheap request a second. Where Web Locks are
 * missing (plain-HTTP intranet address), each tab polls on its own.
 */
export function LiveChanges({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const router = useRouter();

  useEffect(() => {
    const deliver = (changes: Change[]) => {
      for (const listener of listeners.current) listener(changes);
    };
    const channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;
    if (channel) channel.onmessage = (event: MessageEvent<Change[]>) => deliver(event.data);

    let stopped = false;
    const poll = async () => {
      let cursor: number | null = null;
      while (!stopped) {
        try {
          const data: { cursor: number; changes: Change[] } = await getJson(
            cursor === null ? "/api/changes" : `/api/changes?since=${cursor}`,
            "offline",
          );
          if (cursor !== null && data.changes.length > 0) {
            deliver(data.changes);
            channel?.postMessage(data.changes);
          }
          cursor = data.cursor;
        } catch (error) {
          if (error instanceof ApiRefusal && error.status === 401) {
            // The session ended (signed out elsewhere, disabled, role changed): stop, sign in again.
            stopped = true;
            router.replace("/sign-in");
            return;
          }
          // offline for a moment, or a server error: try again on the next tick
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    };
    const abort = new AbortController();
    if (navigator.locks && channel) {
      navigator.locks.request(LOCK, { signal: abort.signal }, poll).catch(() => undefined);
    } else {
      void poll();
    }
    return () => {
      stopped = true;
      abort.abort();
      channel?.close();
    };
  }, [router]);

  const subscribe = (listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  };
  return <Context.Provider value={{ subscribe }}>{children}</Context.Provider>;
}

/** Calls `onChange` with the changes of the given kind or kinds (and ids, when given). */
export function useLiveChanges(
  type: Change["type"] | readonly Change["type"][],
  onChange: (ids: string[]) => void,
  ids?: string[],
) {
  const context = useContext(Context);
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  const key = ids?.join("|");
  const kinds = (Array.isArray(type) ? type : [type]).join("|");
  useEffect(() => {
    if (!context) return;
    const wanted = key ? new Set(key.split("|")) : null;
    return context.subscribe((changes) => {
      const hit = changes
        .filter((c) => kinds.split("|").includes(c.type) && (!wanted || wanted.has(c.id)))
        .map((c) => c.id);
      if (hit.length > 0) handler.current(hit);
    });
  }, [context, kinds, key]);
}

/**
 * Refetches the queries under `queryKey` after changes of the given kinds, at most once per
 * `minGapMs` (the first change at once, the rest of a burst once at the end of the gap):
 * figures that summarise many orders need not follow every single one.
 */
export function useThrottledLiveRefresh(
  type: Change["type"] | readonly Change["type"][],
  queryKey: readonly unknown[],
  minGapMs: number,
) {
  const client = useQueryClient();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useLiveChanges(type, () => {
    const refresh = () => {
      last.current = Date.now();
      timer.current = null;
      void client.invalidateQueries({ queryKey });
    };
    const wait = last.current + minGapMs - Date.now();
    if (wait <= 0) refresh();
    else if (!timer.current) timer.current = setTimeout(refresh, wait);
  });
}
