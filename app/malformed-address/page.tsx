import { notFound } from "next/navigation";

/**
 * Where the proxy rewrites a page address whose %-encoding does not decode. It must be a
 * static path: a dynamic one (the app's catch-all) would try to decode the original address.
 */
export default function MalformedAddress() {
  notFound();
}
