"use server";

import { revalidatePath } from "next/cache";

import { getDb } from "@/lib/db";
import { authorizedAction } from "@/lib/actions/safe-action";
import {
  changeRole,
  createUser,
  resetPassword,
  setDisabled,
  unlockUser,
} from "@/lib/users/user-admin";

import {
  changeRoleSchema,
  createUserSchema,
  resetPasswordSchema,
  setDisabledSchema,
  unlockUserSchema,
} from "./users.validation";

const PAGE = "/admin/users";

export const createUserAction = authorizedAction(
  "user:manage",
  createUserSchema,
  async (input, { user, ip }) => {
    const created = await createUser(getDb(), { id: user.id, email: user.email, ip }, input);
    revalidatePath(PAGE);
    return { email: created.email };
  },
);

export const changeRoleAction = authorizedAction(
  "user:manage",
  changeRoleSchema,
  async (input, { user, ip }) => {
    const updated = await changeRole(
      getDb(),
      { id: user.id, email: user.email, ip },
      input.userId,
      input.role,
    );
    revalidatePath(PAGE);
    return { email: updated.email };
  },
);

export const setDisabledAction = authorizedAction(
  "user:manage",
  setDisabledSchema,
  async (input, { user, ip }) => {
    const updated = await setDisabled(
      getDb(),
      { id: user.id, email: user.email, ip },
      input.userId,
      input.disabled,
    );
    revalidatePath(PAGE);
    return { email: updated.email };
  },
);

export const resetPasswordAction = authorizedAction(
  "user:manage",
  resetPasswordSchema,
  async (input, { user, ip }) => {
    const updated = await resetPassword(
      getDb(),
      { id: user.id, email: user.email, ip },
      input.userId,
      input.password,
    );
    revalidatePath(PAGE);
    return { email: updated.email };
  },
);

export const unlockUserAction = authorizedAction(
  "user:manage",
  unlockUserSchema,
  async (input, { user, ip }) => {
    const unlocked = await unlockUser(
      getDb(),
      { id: user.id, email: user.email, ip },
      input.userId,
    );
    revalidatePath(PAGE);
    return { email: unlocked.email };
  },
);
