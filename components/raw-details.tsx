import { useTranslations } from "next-intl";

/** Raw JSON details, folded away behind a summary for those who need them. */
export function RawDetails({ value }: { value: Record<string, unknown> }) {
  const t = useTranslations("orders");
  return (
    <details>
      <summary className="cursor-pointer text-slate-600">{t("rawDetails")}</summary>
      <pre className="mt-1 max-w-md whitespace-pre-wrap break-all font-mono">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}
