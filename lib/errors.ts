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
  ) {
    super(code);
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", 401);
export const forbiddenError = () => new AppError("FORBIDDEN", 403);
export const notFoundError = () => new AppError("NOT_FOUND", 404);
