import { type Db, withTx } from "@/db/client";
import { alertChannels } from "@/db/schema";
import { seal } from "@/lib/alerts/secret-box";

/**
 * One alert channel of each kind, pointing at the sandbox's stand-ins (SANDBOX_ALERTS_PORT,
 * SANDBOX_SMTP_PORT): Slack in Thai, LINE and e-mail in English, every alert and the digest.
 * Sealed with the stack's SETTINGS_SECRET, as the dashboard will open them.
 */
export async function seedDemoChannels(db: Db, env: Record<string, string>): Promise<void> {
  const key = env.SETTINGS_SECRET ?? "";
  const receivers = `http://127.0.0.1:${env.SANDBOX_ALERTS_PORT}`;
  const common = {
    alerts: "all" as const,
    digest: true,
    minSeverity: "warning" as const,
    active: true,
  };
  await withTx(db, (tx) =>
    tx.insert(alertChannels).values([
      {
        ...common,
        kind: "slack",
        name: "Slack #ops-alerts (sandbox)",
        locale: "th",
        target: {},
        secret: seal(`${receivers}/slack/T0DEMO/B0DEMO/demo-webhook`, key),
      },
      {
        ...common,
        kind: "line",
        name: "LINE managers (sandbox)",
        locale: "en",
        target: { to: `U${"d".repeat(32)}` },
        secret: seal(env.SANDBOX_LINE_TOKEN ?? "", key),
        quietFrom: "23:00",
        quietTo: "06:00",
      },
      {
        ...common,
        kind: "email",
        name: "Finance e-mail (sandbox)",
        locale: "en",
        target: { to: ["finance@demo.invalid"] },
      },
    ]),
  );
}
