import type { ReactNode } from "react";

import { ui } from "@/components/ui/styles";

/** An order's fields as a two-column list on its detail page. */
export function FieldList({ fields, testId }: { fields: [string, ReactNode][]; testId?: string }) {
  return (
    <dl
      className={`${ui.card} grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]`}
      data-testid={testId}
    >
      {fields.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
