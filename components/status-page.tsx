import type { ReactNode } from "react";

import { ui } from "@/components/ui/styles";
import { LinkButton } from "@/components/ui/button";

/** The card a 403, 404 or failed page shows: what happened, and a way back. */
export function StatusPage(props: {
  code: string;
  title: string;
  body: string;
  back: string;
  tone?: "neutral" | "danger";
  children?: ReactNode;
}) {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className={`${ui.card} max-w-md text-center`} role="alert">
        <p
          className={`text-sm font-semibold ${props.tone === "danger" ? "text-red-700" : "text-slate-500"}`}
        >
          {props.code}
        </p>
        <h1 className={`${ui.h1} mt-1`}>{props.title}</h1>
        <p className="mt-2 text-slate-600">{props.body}</p>
        <div className="mt-4 flex justify-center gap-2">
          {props.children}
          <LinkButton href="/" variant="secondary">
            {props.back}
          </LinkButton>
        </div>
      </div>
    </main>
  );
}
