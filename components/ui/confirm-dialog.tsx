"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { buttonVariants } from "./button";

type Props = {
  /** Open while a change waits for the person's yes. */
  open: boolean;
  /** The dialog closed: after the yes, or by Esc or Cancel (then nothing changes). */
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Styles the yes as a destructive step (disabling someone). */
  danger?: boolean;
};

/**
 * Asks before a change that takes effect at once for someone else (a role, a disabled
 * account). Radix's alert dialog: focus moves into it and returns, Esc cancels, the page
 * behind is inert, and the dialog is announced with its title and description.
 */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  description,
  confirmLabel,
  danger = false,
}: Props) {
  const t = useTranslations("common");
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => next || onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-lg ring-1 ring-slate-200"
          data-testid="confirm-dialog"
        >
          <AlertDialog.Title className="text-base font-semibold text-slate-900">
            {title}
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {description}
          </AlertDialog.Description>
          <div className="mt-6 flex justify-end gap-3">
            <AlertDialog.Cancel className={buttonVariants({ variant: "secondary" })}>
              {t("cancel")}
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={buttonVariants({ variant: danger ? "dangerSolid" : "primary" })}
              onClick={onConfirm}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
