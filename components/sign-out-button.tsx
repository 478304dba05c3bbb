"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

import { ui } from "@/components/ui/styles";

export function SignOutButton() {
  const t = useTranslations("common");
  return (
    <button
      type="button"
      className={ui.buttonSecondary}
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
    >
      {t("signOut")}
    </button>
  );
}
