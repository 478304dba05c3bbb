import { route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** An API address that names nothing: 404 in the API's error shape, not the HTML page. */
const missing = route("public", async () => {
  throw new AppError("NOT_FOUND", 404);
});

export { missing as DELETE, missing as GET, missing as PATCH, missing as POST, missing as PUT };
