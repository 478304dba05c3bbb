"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { TextLink } from "@/components/ui/button";

/** Characters an id keeps on screen: its end, where ids of the same moment differ. */
const KEEP = 8;

/** Copies text, also where the Clipboard API is missing (a page served over plain HTTP). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }
}

/**
 * A long id shortened to its last characters ("…7KQ2M9XB"), the whole id on hover and for
 * screen readers and text search, with a button that copies the whole id.
 */
export function ShortId({ id, href, keep = KEEP }: { id: string; href?: string; keep?: number }) {
  const t = useTranslations("common");
  const shown =
    id.length > keep + 3 ? (
      <>
        <span aria-hidden>…{id.slice(-keep)}</span>
        <span className="sr-only">{id}</span>
      </>
    ) : (
      id
    );
  return (
    <span className="inline-flex items-center gap-1 font-mono text-xs" title={id}>
      {/* Not prefetched: a list of fifty rows would have the server render fifty pages. */}
      {href ? (
        <TextLink href={href} prefetch={false}>
          {shown}
        </TextLink>
      ) : (
        <span>{shown}</span>
      )}
      <button
        type="button"
        className="rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        aria-label={t("copyId", { id })}
        onClick={async () => {
          if (await copyText(id)) toast.success(t("copied", { id }));
          else toast.error(t("copyFailed"));
        }}
      >
        <svg
          viewBox="0 0 16 16"
          className="h-3.5 w-3.5"
          fill="none"
          stroke="currentColor"
          aria-hidden
        >
          <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
          <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
        </svg>
      </button>
    </span>
  );
}
