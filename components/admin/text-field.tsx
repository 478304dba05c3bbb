"use client";

import { useId } from "react";

import { ui } from "@/components/ui/styles";

/**
 * A labelled text input with an optional hint and the error for it, wired for screen readers
 * (`aria-invalid`, `aria-describedby`).
 */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  mono?: boolean;
  readOnly?: boolean;
  inputMode?: "decimal" | "numeric";
  className?: string;
}) {
  const id = useId();
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={ui.label}>
        {props.label}
      </label>
      <input
        id={id}
        className={`${ui.input} ${props.mono ? "font-mono" : ""} ${props.className ?? ""}`}
        value={props.value}
        readOnly={props.readOnly}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}
