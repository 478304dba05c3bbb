import { type Upstream, UpstreamRejectedError } from "@/lib/upstream/errors";

/** One class per documented P2W error code (docs/upstreams.md, P2W "Responses"). */
export class RefIdExistsError extends UpstreamRejectedError {
  override name = "RefIdExistsError";
}
export class MissingFieldError extends UpstreamRejectedError {
  override name = "MissingFieldError";
}
export class InsufficientBalanceError extends UpstreamRejectedError {
  override name = "InsufficientBalanceError";
}
export class P2wNotFoundError extends UpstreamRejectedError {
  override name = "P2wNotFoundError";
}
export class P2wForbiddenError extends UpstreamRejectedError {
  override name = "P2wForbiddenError";
}

const BY_CODE: Record<string, typeof UpstreamRejectedError> = {
  REF_ID_EXISTS: RefIdExistsError,
  MISSING_FIELD: MissingFieldError,
  INSUFFICIENT_BALANCE: InsufficientBalanceError,
  ORDER_NOT_FOUND: P2wNotFoundError,
  FORBIDDEN: P2wForbiddenError,
};

/** A code we do not know still becomes an error carrying that code, shown as it came. */
export function p2wRejection(
  code: string,
  message: string,
  httpStatus: number,
  body: Record<string, unknown>,
): UpstreamRejectedError {
  const ErrorClass = BY_CODE[code] ?? UpstreamRejectedError;
  const upstream: Upstream = "p2w";
  return new ErrorClass(upstream, code, message, httpStatus, body);
}
