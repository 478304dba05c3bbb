/** What the new top-up form's steps share. */
export type Field = {
  key: string;
  label: string;
  required: boolean;
  options?: { value: string; label: string }[];
};
export type Pkg = { id: string; game: string; name: string; priceSatang: number; fields: Field[] };
export type Draft = { packageId: string; info: Record<string, string>; key: string | null };
/** A problem code per field key, shown beside the field. */
export type Problems = Record<string, string>;
export type Outcome =
  | { kind: "pending" | "unknown" | "replayed"; refId: string }
  /** Not sent: refused by our own rules (status 4xx) or by P2W (422, 502); `lost`: no answer. */
  | { kind: "rejected"; by: "ours" | "upstream" | "lost"; code: string; message: string };
