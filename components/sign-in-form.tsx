"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

import { ui } from "@/components/ui/styles";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const KNOWN_ERRORS = ["INVALID_CREDENTIALS", "RATE_LIMITED"] as const;

export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string;
  initialError?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setError(result?.error ?? "INVALID_CREDENTIALS");
    } catch {
      setError("INTERNAL");
    } finally {
      setPending(false);
    }
  }

  const code =
    error && (KNOWN_ERRORS as readonly string[]).includes(error)
      ? error
      : error
        ? "INVALID_CREDENTIALS"
        : null;

  return (
    <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
      <Field id="email" label={t("signIn.email")}>
        {(control) => (
          <input {...control} name="email" type="email" autoComplete="username" required />
        )}
      </Field>
      <Field id="password" label={t("signIn.password")}>
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        )}
      </Field>
      {code && (
        <p role="alert" className={ui.error} data-code={code}>
          {t(`errors.${code}`)}
        </p>
      )}
      <Button type="submit" wide disabled={pending}>
        {pending ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}
