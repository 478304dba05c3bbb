"use client";

import { useRouter } from "next/navigation";

import { type Change, useLiveChanges } from "./live-changes";

/** Re-renders a server-rendered page when the order it shows changes. */
export function LiveRefresh({ type, id }: { type: Change["type"]; id: string }) {
  const router = useRouter();
  useLiveChanges(type, () => router.refresh(), [id]);
  return null;
}
