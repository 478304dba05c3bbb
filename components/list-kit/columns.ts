import type { ColumnDef, RowData } from "@tanstack/react-table";

declare module "@tanstack/react-table" {
  // The column facts our tables read beside TanStack's own (the generics are its signature).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name in the chooser and on a phone's card, when not its text header. */
    label?: string;
    /** Amounts: right-aligned, tabular figures. */
    numeric?: boolean;
    /** Shown only once a person turns it on in the column chooser. */
    hiddenByDefault?: boolean;
    /** Words that may wrap onto a second line, so the table fits its width. */
    wrap?: boolean;
    /** Left off a phone's card (the card keeps what identifies the row). */
    hideOnPhone?: boolean;
  }
}

export type Columns<T> = ColumnDef<T, unknown>[];

/** What a column is called outside its header: its label, else its header's text, else its id. */
export function columnName<T>(column: ColumnDef<T, unknown>): string {
  const { meta, header, id } = column;
  return meta?.label ?? (typeof header === "string" ? header : (id ?? ""));
}
