"use client";

import { useTranslations } from "next-intl";

import { StatusPage } from "@/components/status-page";
import { Button } from "@/components/ui/button";

/**
 * A page that failed to render: the app's own card inside its layout, never a bare framework
 * page. The server logged the cause; the digest ties this screen to that log line.
 */
export default function PageError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  const t = useTranslations("pageError");
  return (
    <StatusPage
      code={error.digest ? `500 · ${error.digest}` : "500"}
      tone="danger"
      title={t("title")}
      body={t("body")}
      back={t("back")}
    >
      <Button type="button" onClick={() => retry()}>
        {t("retry")}
      </Button>
    </StatusPage>
  );
}
