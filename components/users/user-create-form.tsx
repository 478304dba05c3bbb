"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { toast } from "sonner";

import { createUserAction } from "@/lib/actions/users";
import { ui } from "@/components/ui/styles";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";
import { Field, Options } from "@/components/ui/field";

export function UserCreateForm({ minPassword }: { minPassword: number }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  // A refusal stays beside the form until the next try; a success is said as every success
  // is (a toast that goes by itself), so it is never left over after the next action.
  const [refusal, setRefusal] = useState<string | null>(null);

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
        setRefusal(null);
        toast.success(t("users.created", { email: result.data.email }));
      } else {
        setRefusal(result.error.message);
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
      <Field id="new-email" label={t("users.email")}>
        {(control) => <input {...control} name="email" type="email" required autoComplete="off" />}
      </Field>
      <Field id="new-name" label={t("users.name")}>
        {(control) => <input {...control} name="name" required autoComplete="off" />}
      </Field>
      <Field id="new-role" label={t("users.role")}>
        {(control) => (
          <select {...control} name="role" defaultValue="support">
            <Options options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
          </select>
        )}
      </Field>
      <Field
        id="new-password"
        label={t("users.password")}
        hint={t("users.passwordHint", { min: minPassword })}
      >
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            required
            minLength={minPassword}
            autoComplete="new-password"
          />
        )}
      </Field>
      <div className="flex items-start pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("common.create")}
        </Button>
      </div>
      {refusal && (
        <p role="alert" className={`${ui.error} sm:col-span-2 lg:col-span-5`}>
          {refusal}
        </p>
      )}
    </form>
  );
}
