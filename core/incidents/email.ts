import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { IncidentNotification } from './types';

// A notification as an .eml file (RFC 5322 with MIME, RFC 2045-2047) that a person opens
// in their mail client and sends themselves. Header fields are built from user text, so
// CR and LF are removed from every value first (a line break in a subject would start a
// new header: header injection), non-ASCII text goes into RFC 2047 encoded-words, and the
// body is quoted-printable UTF-8 so that no line exceeds the 998-octet limit.

const CRLF = '\r\n';

/** A header value on one line: line breaks and other control characters become spaces. */
export function headerText(value: string): string {
  return value
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of bytes (RFC 4648), without line breaks. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63] ?? '';
    out += B64[(n >> 12) & 63] ?? '';
    out += b === undefined ? '=' : (B64[(n >> 6) & 63] ?? '');
    out += c === undefined ? '=' : (B64[n & 63] ?? '');
  }
  return out;
}

// An encoded-word may be 75 characters long: `=?UTF-8?B?` + text + `?=` leaves 63 for
// base64, i.e. 45 bytes of UTF-8 (whole characters only: a character is never split).
const WORD_BYTES = 45;

/**
 * A header value as-is when it is printable ASCII, else as RFC 2047 `B` encoded-words
 * (UTF-8), split between characters and folded onto continuation lines.
 */
export function encodeHeaderValue(value: string): string {
  const text = headerText(value);
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of text) {
    const bytes = utf8ToBytes(ch);
    if (chunk.length + bytes.length > WORD_BYTES) {
      words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length) words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
  return words.join(`${CRLF} `);
}

/**
 * An address list header: each `Name <addr>` keeps its address literal and encodes a
 * non-ASCII display name; bare addresses pass unchanged. Separators `,` and `;` outside
 * quotes are read.
 */
export function encodeAddressList(value: string): string {
  return splitAddresses(headerText(value))
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(.*?)\s*<([^<>\s]+)>$/.exec(part);
      if (!m) return encodeHeaderValue(part);
      const name = (m[1] ?? '').replace(/^"|"$/g, '');
      const addr = m[2] ?? '';
      if (!name) return `<${addr}>`;
      const encoded = /^[\x20-\x7e]*$/.test(name)
        ? `"${name.replace(/["\\]/g, '\\$&')}"`
        : encodeHeaderValue(name);
      return `${encoded} <${addr}>`;
    })
    .join(`,${CRLF} `);
}

/** Splits at `,` and `;` outside double quotes (`"Smith, Jo" <jo@x>` is one address). */
function splitAddresses(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';')) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** RFC 5322 date-time in UTC: `Mon, 02 Mar 2026 09:00:00 +0000`. */
export function rfc5322Date(at: number): string {
  return new Date(at).toUTCString().replace(/GMT$/, '+0000');
}

const HEX = '0123456789ABCDEF';
const hex = (b: number) => `=${HEX[b >> 4] ?? ''}${HEX[b & 15] ?? ''}`;

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, lines ending in CRLF, at most 76 characters. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) => {
      const bytes = utf8ToBytes(line);
      const tokens: string[] = [];
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        tokens.push(plain ? String.fromCharCode(b) : hex(b));
      });
      // Soft line breaks: `=` at the end of a physical line of at most 76 characters.
      const out: string[] = [];
      let current = '';
      for (const t of tokens) {
        if (current.length + t.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += t;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/** What an .eml needs besides the notification. */
export type EmlOptions = {
  /** The sender; left for the mail client to fill when absent. */
  readonly from?: string;
  /** The Date header (the time of export). */
  readonly date: number;
  readonly incidentId: string;
  /** Marks the message an exercise in a header as well as in its text. */
  readonly exercise?: boolean;
};

/**
 * The notification as an RFC 5322 message (CRLF line ends). `X-Unsent: 1` makes common
 * mail clients open it as a draft to review and send.
 */
export function notificationToEml(
  n: Pick<IncidentNotification, 'to' | 'subject' | 'body'> & { readonly id: string },
  options: EmlOptions,
): string {
  const headers = [
    ...(options.from ? [`From: ${encodeAddressList(options.from)}`] : []),
    ...(headerText(n.to) ? [`To: ${encodeAddressList(n.to)}`] : []),
    `Subject: ${encodeHeaderValue(n.subject)}`,
    `Date: ${rfc5322Date(options.date)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    'X-Unsent: 1',
    `X-Bulwark-Incident: ${encodeHeaderValue(options.incidentId)}`,
    `X-Bulwark-Notification: ${encodeHeaderValue(n.id)}`,
    ...(options.exercise ? ['X-Bulwark-Exercise: yes'] : []),
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${quotedPrintable(n.body)}${CRLF}`;
}
