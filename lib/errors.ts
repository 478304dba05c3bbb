import type { ZodError } from "zod";

/**
 * An error meant for a person: a stable code (also the key of its message under
 * `errors.` in the catalog), an HTTP status, and values the message may show.
 * Anything that is not an AppError is logged and shown as INTERNAL.
 */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    /** Structured facts for scripts (who holds a claim, …), sent as they are in `details`. */
    readonly facts: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/**
 * A schema's refusal as an AppError: the first problem's field (a dotted path) and, for a
 * refinement with a code of its own (`params.code`, e.g. INVISIBLE_CHARACTERS), that code and
 * its other params; else VALIDATION.
 */
export function fromZod(error: ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") ?? "";
  const { code, ...params } =
    issue?.code === "custom" ? ((issue.params ?? {}) as Record<string, string | number>) : {};
  return typeof code === "string"
    ? new AppError(code, 400, { field, ...params })
    : new AppError("VALIDATION", 400, { field });
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", 401);
export const forbiddenError = () => new AppError("FORBIDDEN", 403);
export const notFoundError = () => new AppError("NOT_FOUND", 404);

/**
 * One thing wrong with one field of the input: where (`field`, a dotted path; for a catalog
 * file also the entry's position and id), a stable code (a message under `errors.`) and the
 * values its message shows. Browser-safe: forms show each next to its field.
 */
export type FieldProblem = {
  field: string;
  code: string;
  params?: Record<string, string | number>;
  entry?: { position: number; packageId?: string };
};

/** Input refused whole because of these problems; nothing was stored. */
export class InvalidInput extends AppError {
  constructor(readonly problems: FieldProblem[]) {
    super("INVALID_INPUT", 400, { count: problems.length });
  }
}
