import { notFound } from "next/navigation";

/** Any address no page claims: the 404 inside the app's layout, with its navigation. */
export default function Missing() {
  notFound();
}
