import { cva, type VariantProps } from "class-variance-authority";
import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * The one look of an action: a button, a link that acts like one (`LinkButton`) or an
 * element that must look like one (`buttonVariants` on a `<summary>` or a download `<a>`).
 * `primary` moves the page forward, `secondary` is everything else, `danger` warns and
 * `dangerSolid` confirms something that cannot be undone; `sm` sits in a dense table row.
 */
export const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 rounded-md font-medium shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-50",
  {
    variants: {
      variant: {
        primary: "bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:outline-indigo-600",
        secondary:
          "bg-white text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-indigo-600",
        danger:
          "bg-white text-red-700 ring-1 ring-red-300 ring-inset hover:bg-red-50 focus-visible:outline-red-600",
        dangerSolid: "bg-red-600 text-white hover:bg-red-500 focus-visible:outline-red-600",
      },
      size: { md: "px-3 py-2 text-sm", sm: "px-2 py-1 text-xs" },
      wide: { true: "w-full" },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

type Variants = VariantProps<typeof buttonVariants>;

export function Button({
  variant,
  size,
  wide,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & Variants) {
  return (
    <button type={type} className={buttonVariants({ variant, size, wide, className })} {...props} />
  );
}

/** A link that looks like a button: it goes somewhere (a new top-up, a filtered list). */
export function LinkButton({
  variant,
  size,
  wide,
  className,
  ...props
}: ComponentProps<typeof Link> & Variants) {
  return <Link className={buttonVariants({ variant, size, wide, className })} {...props} />;
}

/**
 * A link in running text or a table: indigo, underlined on hover (`quiet`) or always
 * (`underlined`, where a row's id must read as a link); `mono` for ids.
 */
export const textLinkVariants = cva("text-indigo-700", {
  variants: {
    tone: { quiet: "hover:underline", underlined: "underline" },
    mono: { true: "font-mono" },
    size: { inherit: "", sm: "text-sm", xs: "text-xs" },
  },
  defaultVariants: { tone: "quiet", size: "inherit" },
});

export function TextLink({
  tone,
  mono,
  size,
  className,
  ...props
}: ComponentProps<typeof Link> & VariantProps<typeof textLinkVariants>) {
  return <Link className={textLinkVariants({ tone, mono, size, className })} {...props} />;
}
