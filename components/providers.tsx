"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { type ReactNode, useState } from "react";
import { Toaster } from "sonner";

import { PersonContext } from "@/components/person";

export function Providers({ userId, children }: { userId: number; children: ReactNode }) {
  const t = useTranslations("common");
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 1_000, retry: 1, refetchOnWindowFocus: true } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      {/* Lists keep their filters in the page URL through nuqs. */}
      <NuqsAdapter>
        <PersonContext value={userId}>{children}</PersonContext>
      </NuqsAdapter>
      {/* Finished actions are announced here (sonner: a polite live region). */}
      <Toaster
        position="bottom-right"
        richColors
        closeButton
        containerAriaLabel={t("notifications")}
        toastOptions={{ closeButtonAriaLabel: t("closeNotice") }}
      />
    </QueryClientProvider>
  );
}
