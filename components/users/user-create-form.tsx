"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";

import { createUserAction } from "@/lib/actions/users";
import { ui } from "@/components/ui/styles";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";

export function UserCreateForm({ minPassword }: { minPassword: number }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    startTransition(async () => {
      const result = await createUserAction({
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role")) as Role,
        password: String(form.get("password") ?? ""),
      });
      if (result.ok) {
        formElement.reset();
        setMessage({ ok: true, text: t("users.created", { email: result.data.email }) });
      } else {
        setMessage({ ok: false, text: result.error.message });
      }
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
      aria-label={t("users.createTitle")}
    >
      <div className="space-y-1">
        <label htmlFor="new-email" className={ui.label}>
          {t("users.email")}
        </label>
        <input
          id="new-email"
          name="email"
          type="email"
          required
          className={ui.input}
          autoComplete="off"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="new-name" className={ui.label}>
          {t("users.name")}
        </label>
        <input id="new-name" name="name" required className={ui.input} autoComplete="off" />
      </div>
      <div className="space-y-1">
        <label htmlFor="new-role" className={ui.label}>
          {t("users.role")}
        </label>
        <select id="new-role" name="role" className={ui.input} defaultValue="support">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="new-password" className={ui.label}>
          {t("users.password")}
        </label>
        <input
          id="new-password"
          name="password"
          type="password"
          required
          minLength={minPassword}
          autoComplete="new-password"
          className={ui.input}
          aria-describedby="new-password-hint"
        />
        <p id="new-password-hint" className="text-xs text-slate-500">
          {t("users.passwordHint", { min: minPassword })}
        </p>
      </div>
      <div className="flex items-start pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("common.create")}
        </Button>
      </div>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`${message.ok ? ui.success : ui.error} sm:col-span-2 lg:col-span-5`}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
