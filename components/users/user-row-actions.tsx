"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";

import {
  changeRoleAction,
  resetPasswordAction,
  setDisabledAction,
  unlockUserAction,
} from "@/lib/actions/users";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/authorized-action";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";
import { Options } from "@/components/ui/field";

type Props = {
  user: { id: number; email: string; role: Role; disabled: boolean; locked: boolean };
  isSelf: boolean;
};

export function UserRowActions({ user, isSelf }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  // A change that takes effect at once for someone else waits here for the person's yes.
  const [asking, setAsking] = useState<{ role: Role } | { disable: true } | null>(null);

  function run(action: () => Promise<ActionResult<{ email: string }>>, after?: () => void) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        after?.();
        setRefusal(null);
        toast.success(t("users.updated", { email: result.data.email }));
        router.refresh();
      } else {
        setRefusal(result.error.message);
      }
    });
  }

  function confirm() {
    if (asking && "role" in asking)
      run(() => changeRoleAction({ userId: user.id, role: asking.role }));
    else run(() => setDisabledAction({ userId: user.id, disabled: true }));
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        {t("users.changeRole")}
      </label>
      <select
        id={`role-${user.id}`}
        className={`${ui.input} w-auto`}
        value={user.role}
        disabled={pending || isSelf}
        onChange={(e) => setAsking({ role: e.target.value as Role })}
      >
        <Options options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
      </select>
      <Button
        type="button"
        variant={user.disabled ? "secondary" : "danger"}
        disabled={pending || isSelf}
        onClick={() =>
          user.disabled
            ? run(() => setDisabledAction({ userId: user.id, disabled: false }))
            : setAsking({ disable: true })
        }
      >
        {user.disabled ? t("users.enable") : t("users.disable")}
      </Button>
      {user.locked && (
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => unlockUserAction({ userId: user.id }))}
        >
          {t("users.unlock")}
        </Button>
      )}
      <form
        className="flex items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            () => resetPasswordAction({ userId: user.id, password }),
            () => setPassword(""),
          );
        }}
      >
        <label className="sr-only" htmlFor={`pw-${user.id}`}>
          {t("users.newPassword")}
        </label>
        <input
          id={`pw-${user.id}`}
          type="password"
          autoComplete="new-password"
          placeholder={t("users.newPassword")}
          className={`${ui.input} w-40`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={pending || password.length === 0}>
          {t("users.resetPassword")}
        </Button>
      </form>
      {refusal && (
        <span role="alert" className="text-xs text-red-700">
          {refusal}
        </span>
      )}
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        onConfirm={confirm}
        {...(asking && "role" in asking
          ? {
              title: t("users.confirmRoleTitle", { email: user.email }),
              description: t("users.confirmRoleBody", {
                email: user.email,
                role: t(`roles.${asking.role}`),
              }),
              confirmLabel: t("users.confirmRole"),
            }
          : {
              title: t("users.confirmDisableTitle", { email: user.email }),
              description: t("users.confirmDisableBody", { email: user.email }),
              confirmLabel: t("users.confirmDisable"),
              danger: true,
            })}
      />
    </div>
  );
}
