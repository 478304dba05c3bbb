"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cardCell, ui } from "@/components/ui/styles";
import type { DeliveryJson } from "@/lib/alerts/alerts-admin";
import type { ChannelJson } from "@/lib/alerts/channel-admin";
import { getJson, sendJson } from "@/lib/api/client";
import { formatDateTime } from "@/lib/format";

import { ChannelForm } from "./alert-channel-form";

/**
 * `/admin/alerts`: where alerts go. Each channel as a card (Edit, Send test, Delete), a form
 * to add or change one, the digest sent by hand, and the last deliveries with their attempts
 * and errors, refreshed every 10 s.
 */
export function AlertChannels({
  initialChannels,
  initialDeliveries,
}: {
  initialChannels: ChannelJson[];
  initialDeliveries: DeliveryJson[];
}) {
  const t = useTranslations("alertsAdmin");
  const offline = useTranslations("errors")("NETWORK");
  const client = useQueryClient();
  const channels = useQuery({
    queryKey: ["alert-channels"],
    queryFn: async () =>
      (await getJson<{ channels: ChannelJson[] }>("/api/alert-channels", offline)).channels,
    initialData: initialChannels,
  });
  const deliveries = useQuery({
    queryKey: ["alert-deliveries"],
    queryFn: async () =>
      (await getJson<{ items: DeliveryJson[] }>("/api/alert-deliveries", offline)).items,
    initialData: initialDeliveries,
    refetchInterval: 10_000,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["alert-channels"] });
    void client.invalidateQueries({ queryKey: ["alert-deliveries"] });
  };
  const [editing, setEditing] = useState<ChannelJson | "new" | null>(null);
  const [deleting, setDeleting] = useState<ChannelJson | null>(null);
  const test = useMutation({
    mutationFn: (id: number) =>
      sendJson<{ delivery: DeliveryJson }>("POST", `/api/alert-channels/${id}/test`, {}, offline),
    onSuccess: ({ delivery }) => {
      if (delivery.status === "sent") toast.success(t("testSent"));
      else toast.error(t("testFailed", { error: delivery.lastError ?? "—" }));
      refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (id: number) =>
      sendJson<{ deleted: number }>("DELETE", `/api/alert-channels/${id}`, {}, offline),
    onSuccess: () => {
      toast.success(t("deleted"));
      refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const digest = useMutation({
    mutationFn: () => sendJson<{ deliveries: number }>("POST", "/api/alerts/digest", {}, offline),
    onSuccess: ({ deliveries: n }) => {
      toast.success(t("digestQueued", { count: n }));
      refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const nameOf = (id: number) => channels.data?.find((c) => c.id === id)?.name ?? `#${id}`;

  return (
    <div className="space-y-6">
      <section aria-labelledby="channels-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="channels-title" className="text-lg font-semibold text-slate-900">
            {t("channels")}
          </h2>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => digest.mutate()} disabled={digest.isPending}>
              {t("sendDigest")}
            </Button>
            <Button onClick={() => setEditing("new")}>{t("add")}</Button>
          </div>
        </div>
        {editing && (
          <ChannelForm
            key={editing === "new" ? "new" : editing.id}
            channel={editing === "new" ? null : editing}
            onDone={() => {
              setEditing(null);
              refresh();
            }}
          />
        )}
        {channels.data.length === 0 && !editing && (
          <p className="text-sm text-slate-600">{t("none")}</p>
        )}
        <ul className="grid gap-3 md:grid-cols-2">
          {channels.data.map((c) => (
            <li key={c.id} className={`${ui.card} min-w-0 space-y-2`} data-channel={c.name}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{c.name}</h3>
                <span className="text-xs text-slate-600">
                  {t(`kind.${c.kind}`)} · {c.locale === "th" ? "ไทย" : "English"} ·{" "}
                  {c.active ? t("active") : t("inactive")}
                </span>
              </div>
              <p className="font-mono text-xs break-all text-slate-700">{targetText(c)}</p>
              <p className="text-sm text-slate-700">
                {c.alerts === "all"
                  ? t("allAlerts")
                  : c.alerts.map((k) => t(`alertKind.${k}`)).join(", ")}
                {" · "}
                {t(`from.${c.minSeverity}`)}
                {c.digest ? ` · ${t("takesDigest")}` : ""}
              </p>
              {c.quietHours && (
                <p className="text-xs text-slate-600">
                  {t("quietShown", { from: c.quietHours.from, to: c.quietHours.to })}
                </p>
              )}
              <div className="flex flex-wrap gap-2 pt-1">
                <Button size="sm" variant="secondary" onClick={() => setEditing(c)}>
                  {t("edit")}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={test.isPending}
                  onClick={() => test.mutate(c.id)}
                >
                  {test.isPending && test.variables === c.id ? t("testing") : t("test")}
                </Button>
                <Button size="sm" variant="danger" onClick={() => setDeleting(c)}>
                  {t("delete")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="deliveries-title" className="space-y-3">
        <h2 id="deliveries-title" className="text-lg font-semibold text-slate-900">
          {t("deliveries")}
        </h2>
        <p className="text-sm text-slate-600">{t("deliveriesIntro")}</p>
        {deliveries.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noDeliveries")}</p>
        ) : (
          <div className={ui.tableBox}>
            <table className={`${ui.table} ${ui.cardTable}`} data-testid="deliveries">
              <thead className={`${ui.stickyHead} ${ui.cardHead}`}>
                <tr>
                  {["when", "channel", "event", "status", "attempts", "error"].map((h) => (
                    <th key={h} scope="col" className={ui.th}>
                      {t(`col.${h}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={`divide-y divide-slate-100 ${ui.cardTable}`}>
                {deliveries.data.map((d) => (
                  <tr key={d.id} className={ui.cardRow} data-status={d.status}>
                    <td {...cardCell(t("col.when"))}>{formatDateTime(d.sentAt ?? d.createdAt)}</td>
                    <td {...cardCell(t("col.channel"))}>{nameOf(d.channelId)}</td>
                    <td {...cardCell(t("col.event"))}>{t(`event.${d.event}`)}</td>
                    <td {...cardCell(t("col.status"))}>
                      <span
                        className={
                          d.status === "sent"
                            ? "text-emerald-700"
                            : d.status === "failed"
                              ? "text-red-700"
                              : "text-amber-700"
                        }
                      >
                        {t(`status.${d.status}`)}
                      </span>
                      {d.status === "pending" && (
                        <span className="ml-2 text-xs text-slate-500">
                          {t("dueAt", { at: formatDateTime(d.dueAt, { seconds: false }) })}
                        </span>
                      )}
                    </td>
                    <td {...cardCell(t("col.attempts"))}>{d.attempts}</td>
                    <td {...cardCell(t("col.error"), "max-w-md whitespace-normal break-words")}>
                      {d.lastError ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        title={t("deleteTitle", { name: deleting?.name ?? "" })}
        description={t("deleteBody")}
        confirmLabel={t("delete")}
        danger
      />
    </div>
  );
}

function targetText(c: ChannelJson): string {
  const t = c.target as { webhookUrl?: string; to?: string | string[]; token?: string };
  if (c.kind === "slack") return t.webhookUrl ?? "";
  if (c.kind === "line") return `${String(t.to ?? "")} · ${t.token ?? ""}`;
  return Array.isArray(t.to) ? t.to.join(", ") : "";
}
