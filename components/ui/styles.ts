/** A form field without its width (`input`, `inputAuto`, or a width of the caller's). */
const field =
  "block rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:ring-inset";

/**
 * Shared class names, so every screen's fields, tables and messages look alike. Buttons and
 * links are components with variants: components/ui/button.tsx.
 */
export const ui = {
  input: `${field} w-full`,
  /** A field as wide as what it holds (filters: no option or date cut off). */
  inputAuto: `${field} w-auto`,
  /** A field whose width the caller gives (`w-40`…). */
  field,
  label: "block text-sm font-medium text-slate-700",
  card: "rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200",
  table: "min-w-full divide-y divide-slate-200 text-sm",
  th: "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase",
  td: "px-3 py-2 align-top whitespace-nowrap",
  /** A cell whose words wrap instead of running under its neighbours. */
  tdWrap: "px-3 py-2 align-top whitespace-normal",
  /** Below the md width a table is a list of cards: the table, its body and rows as blocks. */
  cardTable: "max-md:block",
  cardHead: "max-md:hidden",
  cardRow: "max-md:block max-md:px-1 max-md:py-2",
  /** A card's line: the cell's `data-label` before its value. */
  cardCell:
    "max-md:flex max-md:empty:hidden max-md:items-baseline max-md:gap-2 max-md:whitespace-normal max-md:py-0.5 max-md:before:w-28 max-md:before:shrink-0 max-md:before:text-xs max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]",
  /** The scroll box around a table, whose header row stays in sight (sticky). */
  tableBox:
    "relative overflow-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 md:max-h-[75vh]",
  stickyHead: "sticky top-0 z-10 bg-slate-50",
  /** A filter in force, removable. */
  chip: "inline-flex items-center gap-1.5 rounded-full bg-indigo-50 py-1 pr-2 pl-3 text-xs text-indigo-900 ring-1 ring-indigo-200 ring-inset hover:bg-indigo-100",
  h1: "text-2xl font-semibold text-slate-900",
  error: "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200",
  success: "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200",
} as const;

/**
 * A table cell that is a labelled line of a card on a phone (`ui.cardCell` shows its
 * `data-label` before the value): spread onto the `<td>`.
 */
export const cardCell = (label: string, extra = "") => ({
  "data-label": label,
  className: `${ui.td} ${ui.cardCell} ${extra}`,
});
