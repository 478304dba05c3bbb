import type { FieldProblem } from "@/lib/errors";

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

/**
 * Sends JSON to one of our API routes (the same handlers scripts use) and returns the
 * answer, or throws an ApiRefusal with the server's translated message. `offline` is the
 * message for a request that never got an answer.
 */
export async function sendJson<T>(
  method: "POST" | "PUT",
  url: string,
  body: unknown,
  offline: string,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiRefusal("NETWORK", offline, 0);
  }
  const json = (await res.json().catch(() => null)) as
    | (T & { error?: undefined })
    | {
        error: {
          code: string;
          message: string;
          details?: { problems?: ShownProblem[] };
        };
      }
    | null;
  if (res.ok && json && !json.error) return json as T;
  const error = json?.error;
  throw new ApiRefusal(
    error?.code ?? `HTTP_${res.status}`,
    error?.message ?? offline,
    res.status,
    error?.details?.problems ?? [],
  );
}

/** The problems of a refusal by field path, for showing each next to its input. */
export function problemsByField(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRefusal)) return {};
  return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
}
