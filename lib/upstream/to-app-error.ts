import { AppError } from "@/lib/errors";

import { UpstreamError } from "./errors";

/**
 * An upstream failure as a person sees it: the upstream's own code where it has one (our
 * catalog translates the known ones, any other is shown as it came), 502 for the rest.
 */
export function upstreamToAppError(
  error: UpstreamError,
  params: Record<string, string | number> = {},
): AppError {
  if (error.kind === "rejected") {
    // The vendor's FORBIDDEN is about an order, not about the person's role.
    const code = error.code === "FORBIDDEN" ? "UPSTREAM_FORBIDDEN" : error.code;
    return new AppError(code, 422, { upstreamMessage: error.message, ...params });
  }
  return new AppError(error.code, 502, params);
}
