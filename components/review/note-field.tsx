"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import { ui } from "@/components/ui/styles";
import { NOTE_MAX_LENGTH, NOTE_MIN_LENGTH } from "@/lib/review/outcomes";

/** The note every review action asks for, with what it must say and how long it must be. */
export function NoteField({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
}) {
  const t = useTranslations("queue");
  const id = useId();
  return (
    <>
      <label className={ui.label} htmlFor={id}>
        {label ?? t("note")}
      </label>
      <textarea
        id={id}
        className={ui.input}
        rows={2}
        value={value}
        maxLength={NOTE_MAX_LENGTH}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t("notePlaceholder", { min: NOTE_MIN_LENGTH })}
      />
    </>
  );
}

/** Whether a note is long enough to send (the server checks again). */
export const noteReady = (note: string) => note.trim().length >= NOTE_MIN_LENGTH;
