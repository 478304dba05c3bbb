import { z } from "zod";

import { ROLES } from "@/lib/auth/roles";

const userId = z.number().int().positive();
const password = z.string().max(256);

export const createUserSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  password,
});

export const changeRoleSchema = z.object({ userId, role: z.enum(ROLES) });
export const setDisabledSchema = z.object({ userId, disabled: z.boolean() });
export const resetPasswordSchema = z.object({ userId, password });
export const unlockUserSchema = z.object({ userId });
