"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** A row's checkbox takes no letters: j, k and Enter still move and open from it. */
const isCheckbox = (target: EventTarget | null) =>
  target instanceof HTMLInputElement && target.type === "checkbox";

/** Typing in a field, or a key with a modifier, is not a list command. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return (
    event.altKey ||
    event.ctrlKey ||
    event.metaKey ||
    (!isCheckbox(target) && !!target?.closest("input, textarea, select, [contenteditable=true]"))
  );
}

/**
 * Keyboard row navigation for a list: j and k move to the next and previous row (focusing
 * it), Enter on a focused row (or its checkbox) opens it. Returns the props each row needs.
 */
export function useRowKeys(count: number, hrefOf: (index: number) => string | undefined) {
  const router = useRouter();
  /** The row j and k move from: the last row focused (no re-render needed). */
  const active = useRef(-1);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTyping(event) || count === 0) return;
      const step = event.key === "j" ? 1 : event.key === "k" ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      // Focusing the row makes it the active one (its onFocus).
      rows.current[Math.min(count - 1, Math.max(0, active.current + step))]?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [count]);
  return (index: number) => ({
    ref: (element: HTMLTableRowElement | null) => {
      rows.current[index] = element;
    },
    tabIndex: -1,
    onFocus: (event: React.FocusEvent<HTMLTableRowElement>) => {
      // The row itself or its checkbox, not a link or button inside it.
      if (event.target !== event.currentTarget && !isCheckbox(event.target)) return;
      active.current = index;
    },
    onKeyDown: (event: React.KeyboardEvent<HTMLTableRowElement>) => {
      const href = hrefOf(index);
      const fromRow = event.target === event.currentTarget || isCheckbox(event.target);
      if (event.key === "Enter" && fromRow && href) {
        event.preventDefault();
        router.push(href);
      }
    },
  });
}
