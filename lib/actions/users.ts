"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";

import { authorizedAction } from "@/lib/actions/authorized-action";
import type { Person } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import {
  changeRoleSchema,
  createUserSchema,
  resetPasswordSchema,
  setDisabledSchema,
  unlockUserSchema,
} from "@/lib/users/user-schemas";
import {
  changeRole,
  createUser,
  resetPassword,
  setDisabled,
  unlockUser,
} from "@/lib/users/user-admin";

const PAGE = "/admin/users";

/** Each change answers the e-mail of the user it changed; the users page is read anew. */
function userChange<S extends z.ZodType>(
  schema: S,
  change: (person: Person, input: z.output<S>) => Promise<{ email: string }>,
) {
  return authorizedAction("user:manage", schema, async (input, { person }) => {
    const { email } = await change(person, input);
    revalidatePath(PAGE);
    return { email };
  });
}

export const createUserAction = userChange(createUserSchema, (person, input) =>
  createUser(getDb(), person, input),
);

export const changeRoleAction = userChange(changeRoleSchema, (person, input) =>
  changeRole(getDb(), person, input.userId, input.role),
);

export const setDisabledAction = userChange(setDisabledSchema, (person, input) =>
  setDisabled(getDb(), person, input.userId, input.disabled),
);

export const resetPasswordAction = userChange(resetPasswordSchema, (person, input) =>
  resetPassword(getDb(), person, input.userId, input.password),
);

export const unlockUserAction = userChange(unlockUserSchema, (person, input) =>
  unlockUser(getDb(), person, input.userId),
);
