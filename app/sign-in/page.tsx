import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { LanguageSwitch } from "@/components/language-switch";
import { SignInForm } from "@/components/sign-in-form";
import { ui } from "@/components/ui/styles";
import { getCurrentUser } from "@/lib/auth/guard";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex justify-end">
          <LanguageSwitch />
        </div>
        <div className={ui.card}>
          <p className="text-sm text-slate-500">{t("common.appName")}</p>
          <h1 className={`${ui.h1} mt-1`}>{t("signIn.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("signIn.subtitle")}</p>
          <SignInForm callbackUrl={target} initialError={error} />
        </div>
      </div>
    </main>
  );
}

/** Only paths on this site: an open redirect would make a convincing phishing link. */
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : "/";
}
