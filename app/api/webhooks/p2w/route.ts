import { callbackIntake } from "@/lib/callbacks/callback-thread";
import { webhookHandler } from "@/lib/callbacks/webhook";
import { otherMethods, route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** P2W completion callback (docs/upstreams.md, P2W): token checked, stored, 200, then processed by the callback worker. */
export const POST = route("public", webhookHandler("p2w", callbackIntake));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
