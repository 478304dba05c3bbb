"use client";

import { type ReactNode, useId } from "react";

import { ui } from "@/components/ui/styles";

/** What a field's control is given: its id, its look, and what screen readers announce. */
export type ControlProps = {
  id: string;
  className: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

/**
 * One labelled form field: the label, the control (`children` renders it with the props it
 * must carry), a hint and the error for it, wired for screen readers (`aria-invalid`,
 * `aria-describedby`). `id` when a test or a link names the control.
 */
export function Field({
  label,
  hint,
  error,
  id: given,
  mono,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
  mono?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const generated = useId();
  const id = given ?? generated;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className={`space-y-1 ${className ?? ""}`}>
      <label htmlFor={id} className={ui.label}>
        {label}
      </label>
      {children({
        id,
        className: mono ? `${ui.input} font-mono` : ui.input,
        ...(error ? { "aria-invalid": true } : {}),
        ...(described ? { "aria-describedby": described } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** What a field takes besides its control. */
type FieldProps = Omit<Parameters<typeof Field>[0], "children">;

/** A `Field` holding a text input bound to a value. */
export function TextField({
  value,
  onChange,
  readOnly,
  inputMode,
  inputClassName,
  ...field
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  inputMode?: "decimal" | "numeric";
  /** Classes of the input itself (a read-only look, a narrower width). */
  inputClassName?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          className={`${control.className} ${inputClassName ?? ""}`}
          value={value}
          readOnly={readOnly}
          inputMode={inputMode}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A select's choices, after the choice of none when `empty` names it. */
export function Options({
  options,
  empty,
}: {
  options: { value: string | number; label: string }[];
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** A `Field` holding a select bound to a value; `empty` labels the choice of none. */
export function SelectField({
  value,
  onChange,
  options,
  empty,
  ...field
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  empty?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <Options options={options} empty={empty} />
        </select>
      )}
    </Field>
  );
}
