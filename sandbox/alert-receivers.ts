import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

import { parseJson, readBody, sendJson } from "./http";

/**
 * Stand-ins for where alerts go, so the demo and the tests see them arrive without any
 * account: a Slack incoming webhook (`POST /slack/<anything>`), LINE's Messaging API push
 * (`POST /v2/bot/message/push`, bearer token, retry key), and an SMTP sink. `GET /` is a page
 * of what arrived, newest first; `GET /__received` the same as JSON. `POST /__control/fail`
 * `{"channel":"slack"|"line","status":500,"times":2}` makes the next answers fail.
 */
export type Received = {
  channel: "slack" | "line" | "email";
  at: string;
  /** Slack: the webhook path; LINE: the recipient; e-mail: the addresses. */
  to: string;
  title: string;
  text: string;
  body: unknown;
};

export type AlertReceivers = {
  url: string;
  smtpUrl: string;
  received: Received[];
  fail: (channel: "slack" | "line", status: number, times: number) => void;
  /** Forgets what arrived, the failures asked for and the LINE retry keys seen. */
  reset: () => void;
  close: () => Promise<void>;
};

const escape = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

function page(received: Received[]): string {
  const rows = [...received]
    .reverse()
    .map(
      (r) => `<article><header><b>${r.channel}</b> → ${escape(r.to)} · ${escape(r.at)}</header>
<h3>${escape(r.title)}</h3><pre>${escape(r.text)}</pre></article>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Alerts received (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
article{border:1px solid #cbd5e1;border-radius:.5rem;padding:.75rem;margin:.75rem 0}pre{white-space:pre-wrap}</style>
</head><body><h1>Alerts received by the sandbox's Slack, LINE and mail stand-ins</h1>
<p>${received.length} message(s). This page refreshes every 5 s.</p>${rows || "<p>Nothing yet.</p>"}</body></html>`;
}

export async function startAlertReceivers(options: {
  port: number;
  smtpPort: number;
  host?: string;
  /** LINE: the channel token it accepts; any other is refused with 401. */
  lineToken?: string;
  quiet?: boolean;
}): Promise<AlertReceivers> {
  const host = options.host ?? "127.0.0.1";
  const received: Received[] = [];
  const failing = { slack: [] as number[], line: [] as number[] };
  const lineKeys = new Set<string>();
  const record = (r: Omit<Received, "at">) => {
    received.push({ ...r, at: new Date().toISOString() });
    if (received.length > 500) received.shift();
    if (!options.quiet) console.log(`[alerts] ${r.channel} → ${r.to}: ${r.title}`);
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "GET" && url.pathname === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(page(received));
      }
      if (url.pathname === "/__received") {
        if (req.method === "DELETE") received.length = 0;
        return sendJson(res, 200, { received });
      }
      const body = await readBody(req);
      if (req.method === "POST" && url.pathname === "/__control/fail") {
        const rule = parseJson(body) as { channel?: string; status?: number; times?: number };
        if (rule?.channel === "slack" || rule?.channel === "line")
          failing[rule.channel].push(...Array<number>(rule.times ?? 1).fill(rule.status ?? 500));
        return sendJson(res, 200, { ok: true });
      }
      if (req.method === "POST" && url.pathname.startsWith("/slack/")) {
        const status = failing.slack.shift();
        if (status) return sendJson(res, status, { error: "failing on purpose" });
        const payload = parseJson(body) as { text?: string; blocks?: unknown[] } | undefined;
        if (!payload?.text) {
          res.writeHead(400, { "content-type": "text/plain" });
          return res.end("no_text");
        }
        const [title = "", ...rest] = payload.text.split("\n");
        record({ channel: "slack", to: url.pathname, title, text: rest.join("\n"), body: payload });
        res.writeHead(200, { "content-type": "text/plain" });
        return res.end("ok");
      }
      if (req.method === "POST" && url.pathname === "/v2/bot/message/push") {
        if (options.lineToken && req.headers.authorization !== `Bearer ${options.lineToken}`)
          return sendJson(res, 401, { message: "Authentication failed" });
        const status = failing.line.shift();
        if (status) return sendJson(res, status, { message: "failing on purpose" });
        const retryKey = req.headers["x-line-retry-key"];
        if (typeof retryKey === "string" && lineKeys.has(retryKey))
          return sendJson(res, 409, { message: "The retry key is already accepted" });
        const payload = parseJson(body) as
          { to?: string; messages?: { type: string; text: string }[] } | undefined;
        const messages = payload?.messages ?? [];
        if (!payload?.to || messages.length === 0 || messages.length > 5)
          return sendJson(res, 400, { message: "The request body has 1 error(s)" });
        if (typeof retryKey === "string") lineKeys.add(retryKey);
        const [title = "", ...rest] = messages
          .map((m) => m.text)
          .join("\n")
          .split("\n");
        record({ channel: "line", to: payload.to, title, text: rest.join("\n"), body: payload });
        return sendJson(res, 200, { sentMessages: messages.map((_, i) => ({ id: String(i) })) });
      }
      sendJson(res, 404, { message: "Not found" });
    })().catch(() => sendJson(res, 500, { message: "sandbox error" }));
  });

  const smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth: (_auth, _session, callback) => callback(null, { user: "sandbox" }),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          record({
            channel: "email",
            to: session.envelope.rcptTo.map((r) => r.address).join(", "),
            title: mail.subject ?? "",
            text: mail.text ?? "",
            body: { html: mail.html || null, from: mail.from?.text ?? null },
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
    logger: false,
  });

  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  await new Promise<void>((resolve) => smtp.listen(options.smtpPort, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    smtpUrl: `smtp://sandbox:sandbox@${host}:${smtpPort}`,
    received,
    fail: (channel, status, times) => failing[channel].push(...Array<number>(times).fill(status)),
    reset: () => {
      received.length = 0;
      failing.slack.length = 0;
      failing.line.length = 0;
      lineKeys.clear();
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
