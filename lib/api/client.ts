import type { FieldProblem } from "@/lib/errors";
import { UI_LOCALE_HEADER } from "@/lib/i18n/config";

/** One refused field as the API explains it, message already in the person's language. */
export type ShownProblem = FieldProblem & { message: string };

/** What the API answered when it refused: its code, message and any field problems. */
export class ApiRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly problems: ShownProblem[] = [],
  ) {
    super(message);
  }
}

type ErrorJson = {
  error: {
    code: string;
    message: string;
    details?: { problems?: ShownProblem[]; field?: string };
  };
};

/** The language the page is shown in, so the API's messages come back in the same one. */
function pageLocale(): Record<string, string> {
  return typeof document === "undefined"
    ? {}
    : { [UI_LOCALE_HEADER]: document.documentElement.lang };
}

/** The refusal an answer carries; a single refused field becomes that field's problem. */
function refusalOf(res: Response, json: unknown, offline: string): ApiRefusal {
  const error = (json as ErrorJson | null)?.error;
  const field = error?.details?.field;
  const problems =
    error?.details?.problems ??
    (field ? [{ field, code: error.code, message: error.message }] : []);
  return new ApiRefusal(
    error?.code ?? `HTTP_${res.status}`,
    error?.message ?? offline,
    res.status,
    problems,
  );
}

/**
 * The browser's one client of our JSON API (pages and scripts use the same route handlers):
 * every read and write goes through `getJson` or `sendJson`, which send the page's language,
 * never cache, and turn a refusal into an `ApiRefusal` carrying the server's stable code and
 * its message in the person's language.
 */

/**
 * Reads one of our API routes: the JSON answer, or an ApiRefusal with the server's message
 * in the page's language (`NETWORK` with `offline` when no answer came).
 */
export async function getJson<T>(url: string, offline: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store", headers: pageLocale() });
  } catch {
    throw new ApiRefusal("NETWORK", offline, 0);
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok && json) return json as T;
  throw refusalOf(res, json, offline);
}

/** Server errors and lost answers may pass; a refusal (4xx) would only be refused again. */
export function retryUnlessRefused(failures: number, error: Error): boolean {
  return (
    failures < 1 && !(error instanceof ApiRefusal && error.status >= 400 && error.status < 500)
  );
}

/**
 * Sends JSON to one of our API routes (the same handlers scripts use) and returns the
 * answer, or throws an ApiRefusal with the server's translated message. `offline` is the
 * message for a request that never got an answer.
 */
export async function sendJson<T>(
  method: "POST" | "PUT" | "DELETE",
  url: string,
  body: unknown,
  offline: string,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", ...pageLocale() },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiRefusal("NETWORK", offline, 0);
  }
  const json = (await res.json().catch(() => null)) as (T & { error?: undefined }) | null;
  if (res.ok && json && !json.error) return json as T;
  throw refusalOf(res, json, offline);
}

/** The problems of a refusal by field path (code and message), each shown next to its input. */
export function problemsOf(error: unknown): Record<string, ShownProblem> {
  if (!(error instanceof ApiRefusal)) return {};
  return Object.fromEntries(error.problems.map((p) => [p.field, p]));
}

/** The same, messages only. */
export function problemsByField(error: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(problemsOf(error)).map(([f, p]) => [f, p.message]));
}
