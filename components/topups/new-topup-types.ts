/** What the new top-up form's steps share. */
export type Field = {
  key: string;
  label: string;
  required: boolean;
  options?: { value: string; label: string }[];
};
export type Pkg = { id: string; game: string; name: string; priceSatang: number; fields: Field[] };
export type Draft = { packageId: string; info: Record<string, string>; key: string | null };
export type Outcome =
  | { kind: "pending" | "unknown" | "replayed"; refId: string }
  | { kind: "rejected"; code: string; message: string; refId?: string };
