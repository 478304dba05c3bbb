import type { ReactNode } from "react";

import { ui } from "@/components/ui/styles";

/** A column's heading: its words, right-aligned over figures (`numeric`), or hidden words. */
export type Heading = ReactNode | { label: ReactNode; numeric?: boolean; srOnly?: boolean };

const isHeading = (h: Heading): h is { label: ReactNode; numeric?: boolean; srOnly?: boolean } =>
  typeof h === "object" && h !== null && "label" in h;

/** A table's header cells from its headings, in order (`false` leaves one out). */
export function HeaderCells({ headings }: { headings: (Heading | false)[] }) {
  return headings.map((h, i) => {
    if (h === false) return null;
    const { label, numeric, srOnly } = isHeading(h) ? h : { label: h };
    return (
      <th key={i} scope="col" className={numeric ? `${ui.th} text-right` : ui.th}>
        {srOnly ? <span className="sr-only">{label}</span> : label}
      </th>
    );
  });
}

/** A table's header row from its headings, in order. */
export function TableHead({ headings, className }: { headings: Heading[]; className?: string }) {
  return (
    <thead className={className}>
      <tr>
        <HeaderCells headings={headings} />
      </tr>
    </thead>
  );
}

/** Headings over figures: right-aligned, as their cells are. */
export const numeric = (...labels: ReactNode[]): Heading[] =>
  labels.map((label) => ({ label, numeric: true }));
