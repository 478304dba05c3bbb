import { UpstreamRejectedError } from "@/lib/upstream/errors";

/** One class per documented gateway error (docs/upstreams.md, gateway "Responses"). */
export class InvalidInputsError extends UpstreamRejectedError {
  override name = "InvalidInputsError";
}
export class PayoutNotFoundError extends UpstreamRejectedError {
  override name = "PayoutNotFoundError";
}

export function payoutRejection(
  message: string,
  httpStatus: number,
  body: Record<string, unknown>,
) {
  if (message === "invalid-inputs")
    return new InvalidInputsError("payout", "INVALID_INPUTS", message, httpStatus, body);
  if (message === "not-found")
    return new PayoutNotFoundError("payout", "NOT_FOUND", message, httpStatus, body);
  const code = message ? message.toUpperCase().replace(/[^A-Z0-9]+/g, "_") : `HTTP_${httpStatus}`;
  return new UpstreamRejectedError("payout", code, message, httpStatus, body);
}
