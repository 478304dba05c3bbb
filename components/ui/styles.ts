/** A secondary button without its size (`buttonSecondary`, `buttonSecondarySmall`). */
const secondary =
  "inline-flex items-center justify-center gap-2 rounded-md bg-white font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";
/** A form field without its width (`input`, `inputAuto`, or a width of the caller's). */
const field =
  "block rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:ring-inset";

/** Shared class names, so every screen's controls look and behave alike. */
export const ui = {
  button:
    "inline-flex items-center justify-center gap-2 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50",
  buttonSecondary: `${secondary} px-3 py-2 text-sm`,
  /** A row's own button in a dense table (re-query). */
  buttonSecondarySmall: `${secondary} px-2 py-1 text-xs`,
  buttonDanger:
    "inline-flex items-center justify-center gap-2 rounded-md bg-white px-3 py-2 text-sm font-medium text-red-700 shadow-sm ring-1 ring-red-300 ring-inset hover:bg-red-50 disabled:opacity-50",
  buttonDangerSolid:
    "inline-flex items-center justify-center gap-2 rounded-md bg-red-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-50",
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
