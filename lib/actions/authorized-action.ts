import "server-only";

import type { z } from "zod";

import { toAppError, translateError } from "@/lib/api/route";
import { auditDenial, type Caller, callerOf, requirePermission } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";

/**
 * A refused action: its stable code, its message in the person's language, its HTTP status
 * (4xx: the input or a rule of ours; 422: an upstream refused; 502: an upstream failed) and,
 * when one field is at fault, that field's key, so a form can show the message beside it.
 */
export type ActionError = { code: string; message: string; status: number; field?: string };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * The one way to write a server action, with its permission declared first: authorize
 * (before looking at the input, so a caller without the permission learns nothing), parse
 * with the schema, run with the signed-in user and the person as audit records them, and
 * answer a result whose error carries a stable code and a message in the person's language.
 */
export function authorizedAction<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, caller: Caller) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (raw) => {
    let caller: Caller | null = null;
    try {
      caller = await callerOf(await requirePermission(permission));
      const input = schema.parse(raw);
      return { ok: true, data: await run(input, caller) };
    } catch (error) {
      await auditDenial(caller?.person ?? null, error, caller?.person.ip ?? null);
      const appError = toAppError(error);
      const field = appError.params.field;
      return {
        ok: false,
        error: {
          code: appError.code,
          message: await translateError(appError),
          status: appError.status,
          ...(typeof field === "string" && field && { field }),
        },
      };
    }
  };
}
