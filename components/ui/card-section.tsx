import type { ReactNode } from "react";

import { ui } from "@/components/ui/styles";

/** A titled card of a page (the title names the region for screen readers), with its intro. */
export function CardSection({
  id,
  title,
  intro,
  children,
}: {
  /** The region's id; its heading is `${id}-title`. */
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={`${ui.card} space-y-4`} aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {intro && <div className="text-sm text-slate-600">{intro}</div>}
      </div>
      {children}
    </section>
  );
}
