import { callbackIntake } from "@/lib/callbacks/callback-thread";
import { webhookHandler } from "@/lib/callbacks/webhook";
import { otherMethods, route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** The gateway's withdraw callback (docs/upstreams.md, gateway): verified, stored, `{"success":true}`, processed. */
export const POST = route("public", webhookHandler("payout", callbackIntake));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
