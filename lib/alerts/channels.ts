import "server-only";

import { createHash } from "node:crypto";

import type { Transporter } from "nodemailer";

import type { AlertChannelRow } from "@/db/schema";
import { getEnv } from "@/lib/env";

import type { Rendered } from "./messages";
import { open } from "./secret-box";

/**
 * Sending one message to one channel. Each answer says whether trying again may help: a
 * timeout, a refused connection, 429 or 5xx may; a 4xx (a revoked webhook, a wrong token)
 * will not. Errors name what happened, never a URL or a token.
 */
export type SendResult = { ok: true } | { ok: false; transient: boolean; error: string };

const SEND_TIMEOUT_MS = 10_000;
/** LINE takes at most 5 messages a call, each at most 5,000 characters. */
const LINE_MAX_MESSAGES = 5;
const LINE_MAX_CHARS = 5_000;

const plainText = (m: Rendered) =>
  [m.title, ...m.lines, `${m.link.label}: ${m.link.url}`].join("\n");

/** Slack's mrkdwn escapes only these three. */
const mrkdwn = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export function slackPayload(m: Rendered) {
  const icon = m.severity === "critical" ? ":rotating_light: " : m.severity ? ":warning: " : "";
  return {
    text: plainText(m),
    blocks: [
      { type: "header", text: { type: "plain_text", text: `${icon}${m.title}`.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: m.lines.map(mrkdwn).join("\n") } },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `<${m.link.url}|${mrkdwn(m.link.label)}>` }],
      },
    ],
  };
}

/** The text split into LINE's messages: whole lines where possible, at most five. */
export function lineMessages(m: Rendered): { type: "text"; text: string }[] {
  const chunks: string[] = [];
  for (const line of plainText(m).split("\n")) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= LINE_MAX_CHARS)
      chunks[chunks.length - 1] = `${last}\n${line}`;
    else
      for (let i = 0; i < Math.max(1, line.length); i += LINE_MAX_CHARS)
        chunks.push(line.slice(i, i + LINE_MAX_CHARS));
  }
  return chunks.slice(0, LINE_MAX_MESSAGES).map((text) => ({ type: "text", text }));
}

const escapeHtml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

export function emailContent(m: Rendered) {
  const colour = m.severity === "critical" ? "#b91c1c" : m.severity ? "#b45309" : "#0f172a";
  const html = `<!doctype html><html><body style="font-family:'Noto Sans Thai',Tahoma,sans-serif;color:#0f172a">
<h2 style="color:${colour};margin:0 0 12px">${escapeHtml(m.title)}</h2>
${m.lines.map((line) => `<p style="margin:0 0 8px">${escapeHtml(line)}</p>`).join("\n")}
<p><a href="${escapeHtml(m.link.url)}">${escapeHtml(m.link.label)}</a></p>
</body></html>`;
  return { subject: m.title, text: plainText(m), html };
}

/** A UUID made from the message's identity: LINE's retry key, the same on every attempt. */
export function retryKey(identity: string): string {
  const h = createHash("sha256").update(identity).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function failureOf(error: unknown): SendResult {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError")
    return { ok: false, transient: true, error: `timeout after ${SEND_TIMEOUT_MS / 1000} s` };
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code;
  return { ok: false, transient: true, error: `cannot connect${code ? ` (${code})` : ""}` };
}

/**
 * What a receiver said about a refusal, when it is the short word or message Slack
 * (`invalid_token`) and LINE (`{"message":"…"}`) answer with; nothing else of a body is
 * kept, so a URL pointed at some other service cannot be used to read its pages.
 */
export function receiverSaid(body: string): string {
  const word = body.trim();
  if (/^[a-z_]{1,60}$/.test(word)) return word;
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof message === "string") return message.slice(0, 120);
  } catch {
    // not JSON
  }
  return "";
}

async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  accept: (status: number, text: string) => boolean = () => false,
): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.ok || accept(response.status, text)) return { ok: true };
    const transient = response.status === 429 || response.status >= 500;
    const why = receiverSaid(text);
    return { ok: false, transient, error: `HTTP ${response.status}${why ? `: ${why}` : ""}` };
  } catch (error) {
    return failureOf(error);
  }
}

let transport: { url: string; mailer: Transporter } | undefined;

/** nodemailer is loaded on the first e-mail: a server without e-mail channels never holds it. */
async function mailer(url: string): Promise<Transporter> {
  const nodemailer = await import("nodemailer");
  if (transport?.url !== url)
    transport = {
      url,
      mailer: nodemailer.createTransport(url, {
        connectionTimeout: SEND_TIMEOUT_MS,
        greetingTimeout: SEND_TIMEOUT_MS,
        socketTimeout: SEND_TIMEOUT_MS,
      }),
    };
  return transport.mailer;
}

async function sendEmail(to: string[], m: Rendered, identity: string): Promise<SendResult> {
  const env = getEnv();
  if (!env.SMTP_URL) return { ok: false, transient: false, error: "SMTP_URL is not set" };
  try {
    await (
      await mailer(env.SMTP_URL)
    ).sendMail({
      from: env.ALERT_FROM,
      to,
      ...emailContent(m),
      messageId: `<${retryKey(identity)}@topup-ops-dashboard>`,
    });
    return { ok: true };
  } catch (error) {
    const responseCode = (error as { responseCode?: number }).responseCode;
    if (typeof responseCode === "number")
      return {
        ok: false,
        transient: responseCode < 500,
        error: `SMTP ${responseCode}`,
      };
    return failureOf(error);
  }
}

/** Sends the words to the channel. */
export async function sendToChannel(
  channel: AlertChannelRow,
  m: Rendered,
  /** The message's identity, the same on every attempt: LINE's retry key, e-mail's Message-ID. */
  identity: string,
): Promise<SendResult> {
  const secret = channel.secret ? open(channel.secret) : "";
  const scrub = (result: SendResult): SendResult =>
    result.ok || !secret ? result : { ...result, error: result.error.split(secret).join("…") };
  switch (channel.kind) {
    case "slack":
      return scrub(await postJson(secret, slackPayload(m), {}));
    case "line": {
      const to = typeof channel.target.to === "string" ? channel.target.to : "";
      const base = getEnv().LINE_API_URL.replace(/\/+$/, "");
      return scrub(
        await postJson(
          `${base}/v2/bot/message/push`,
          { to, messages: lineMessages(m) },
          { authorization: `Bearer ${secret}`, "x-line-retry-key": retryKey(identity) },
          // The same retry key accepted before: the message went out on an earlier attempt.
          (status) => status === 409,
        ),
      );
    }
    case "email": {
      const to = Array.isArray(channel.target.to) ? channel.target.to : [];
      return sendEmail(to, m, identity);
    }
  }
}
