import type { SecretKind } from './types';

// Secrets pasted into notes during an incident (a token from a log line, a connection
// string, a key) must not be stored: the timeline is append-only and exported. Each
// pattern below matches one kind of secret by its published format (provider prefixes,
// JWT structure, PEM armour) or, for formats without a prefix (AWS secret keys,
// passwords, generic API keys), only next to a telling name (`password=`,
// `aws_secret_access_key:`), so that hashes, UUIDs and ordinary prose are left alone.
// The secret is replaced by a visible marker, `[redacted: GitHub token (ghp_…)]`, keeping
// at most a prefix that names the kind and reveals nothing of the secret.

/** Human names of the secret kinds, used in markers and in the UI. */
export const SECRET_LABELS: Readonly<Record<SecretKind, string>> = {
  'private-key': 'private key',
  jwt: 'JWT',
  'bearer-token': 'bearer token',
  'basic-auth': 'basic auth credentials',
  'aws-access-key-id': 'AWS access key id',
  'aws-secret-key': 'AWS secret access key',
  'github-token': 'GitHub token',
  'gitlab-token': 'GitLab token',
  'slack-token': 'Slack token',
  'stripe-key': 'Stripe key',
  'google-api-key': 'Google API key',
  'openai-key': 'OpenAI key',
  'anthropic-key': 'Anthropic key',
  'twilio-key': 'Twilio key',
  'sendgrid-key': 'SendGrid key',
  'npm-token': 'npm token',
  'azure-key': 'Azure key',
  'url-password': 'password',
  'password-assignment': 'password',
  'api-key-assignment': 'API key',
};

/** One secret found: its kind and where it was in the original text. */
export type SecretFinding = {
  readonly kind: SecretKind;
  readonly start: number;
  readonly end: number;
};

/** The text with each secret replaced by a marker, and what was found. */
export type Redaction = { readonly text: string; readonly findings: readonly SecretFinding[] };

type Pattern = {
  readonly kind: SecretKind;
  readonly re: RegExp;
  /** The capture group that is the secret (0: the whole match). */
  readonly group?: number;
  /** A non-secret prefix to keep in the marker. */
  readonly hint?: (match: RegExpExecArray) => string | undefined;
  /** Rejects matches that are prose rather than secrets. */
  readonly accept?: (secret: string, match: RegExpExecArray) => boolean;
};

/** A token-like value: has a digit or a symbol, or is long; prose words are neither. */
const tokenLike = (s: string) => /[\d+/=_.~-]/.test(s) || s.length >= 24;

const prefix = (n: number) => (m: RegExpExecArray) => `${m[0].slice(0, n)}…`;

// Order is priority: when two patterns match at the same place the earlier one names it.
const PATTERNS: readonly Pattern[] = [
  {
    kind: 'private-key',
    // Armoured key up to its END line (also pasted on one line or with literal `\n`s), or,
    // when the END line is missing (a truncated paste), up to the last base64 line. The
    // body excludes `-----` so that a missing END stops the scan at the next armour line
    // instead of at the end of the text (which would be quadratic on hostile input).
    re: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----(?:(?:[A-Za-z0-9+/=\s\\:,]|-(?!----))*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:[ \t]*\r?\n(?:[A-Za-z0-9+/=]+(?=[ \t]*(?:\r?\n|$))|[A-Za-z-]{1,40}: [^\r\n]*|[ \t]*(?=\r?\n)))*)/g,
    hint: (m) => {
      const type = (m[1] ?? '').trim();
      return type || undefined;
    },
  },
  {
    kind: 'jwt',
    // A JWS or JWE: base64url JSON header `{"…` (eyJ), payload, signature (may be empty).
    re: /\beyJ[A-Za-z0-9_-]{5,}\.ey[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/g,
  },
  { kind: 'anthropic-key', re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g, hint: () => 'sk-ant-…' },
  {
    kind: 'openai-key',
    re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
    accept: (s) => /\d/.test(s),
    hint: (m) => (/^sk-(proj|svcacct|admin)-/.exec(m[0])?.[0] ?? 'sk-') + '…',
  },
  {
    kind: 'github-token',
    re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
    hint: (m) => (m[0].startsWith('github_pat_') ? 'github_pat_…' : prefix(4)(m)),
  },
  { kind: 'gitlab-token', re: /\bglpat-[A-Za-z0-9_-]{20,}/g, hint: () => 'glpat-…' },
  {
    kind: 'slack-token',
    re: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g,
    hint: (m) => `${m[0].slice(0, 5)}…`,
  },
  {
    kind: 'slack-token',
    re: /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9_/-]{10,}/g,
    hint: () => 'webhook',
  },
  {
    kind: 'stripe-key',
    re: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/g,
    hint: (m) => `${m[0].slice(0, m[0].indexOf('_', 3) + 1)}…`,
  },
  { kind: 'google-api-key', re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, hint: () => 'AIza…' },
  {
    kind: 'aws-access-key-id',
    re: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}\b/g,
    hint: prefix(4),
  },
  {
    kind: 'aws-secret-key',
    re: /(?<![A-Za-z0-9])(?:aws_?secret(?:_?access)?_?key|secret_?access_?key)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    group: 1,
  },
  {
    kind: 'sendgrid-key',
    re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    hint: () => 'SG.…',
  },
  { kind: 'twilio-key', re: /\bSK[0-9a-fA-F]{32}\b/g, hint: () => 'SK…' },
  {
    kind: 'twilio-key',
    re: /\btwilio[\w-]{0,20}?(?:auth)?_?token["']?\s*[:=]\s*["']?([0-9a-f]{32})\b/gi,
    group: 1,
  },
  { kind: 'npm-token', re: /\bnpm_[A-Za-z0-9]{36}\b/g, hint: () => 'npm_…' },
  { kind: 'azure-key', re: /\bAccountKey=([A-Za-z0-9+/]{86}==)/g, group: 1 },
  {
    kind: 'azure-key',
    // A shared access signature in a URL.
    re: /[?&]sig=([A-Za-z0-9%+/=]{20,})/g,
    group: 1,
    hint: () => 'SAS signature',
  },
  {
    kind: 'url-password',
    // scheme://user:password@host — the password only; user and host stay readable.
    re: /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/?#@]{0,256}:([^\s@/?#]{1,256})(?=@)/gi,
    group: 1,
  },
  {
    kind: 'basic-auth',
    re: /\b(Authorization["']?\s*[:=]\s*["']?)?Basic\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g,
    group: 2,
    accept: (s, m) => m[1] !== undefined || /[\d+/=]/.test(s),
  },
  {
    kind: 'bearer-token',
    re: /\bBearer\s+([A-Za-z0-9\-._~+/]{8,}=*)/gi,
    group: 1,
    accept: tokenLike,
  },
  {
    kind: 'api-key-assignment',
    re: /(?<![A-Za-z0-9])(?:x-)?(?:api[_-]?key|apikey|api[_-]?secret|access[_-]?token|auth[_-]?token|secret[_-]?key|private[_-]?token|client[_-]?secret|_authToken)["']?\s*[:=]\s*("[^"\r\n]{4,}"|'[^'\r\n]{4,}'|[^\s"',;&]{4,})/gi,
    group: 1,
    accept: (s) => /^["']/.test(s) || /\d/.test(s) || s.length >= 16,
  },
  {
    kind: 'password-assignment',
    re: /(?<![A-Za-z0-9])(?:password|passwd|passphrase|pwd|pass|secret)["']?\s*(=|:)\s*("[^"\r\n]+"|'[^'\r\n]+'|[^\s"',;&]+)/gi,
    group: 2,
    // `password: reset by Ana` is prose; `password=hunter2` and `pass: "x y"` are not.
    accept: (s, m) => m[1] === '=' || /^["']/.test(s) || /[\d\W_]/.test(s),
  },
];

type Candidate = SecretFinding & { readonly priority: number; readonly hint: string | undefined };

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  PATTERNS.forEach((p, priority) => {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      if (m[0] === '') {
        p.re.lastIndex++;
        continue;
      }
      const group = p.group ?? 0;
      const secret = m[group];
      // A marker from an earlier pass (`password=[redacted: password]`) is not a secret.
      if (secret === undefined || secret === '' || secret.startsWith('[redacted:')) continue;
      if (p.accept && !p.accept(secret, m)) continue;
      // Every pattern's secret group ends its match, so the secret ends where the match does.
      const end = m.index + m[0].length;
      const start = end - secret.length;
      out.push({
        kind: p.kind,
        start,
        end,
        priority,
        hint: p.hint?.(m),
      });
    }
  });
  return out;
}

/** The marker that replaces a secret. */
export function redactionMarker(kind: SecretKind, hint?: string): string {
  return `[redacted: ${SECRET_LABELS[kind]}${hint ? ` (${hint})` : ''}]`;
}

/**
 * Masks every secret found in `text` (see the file comment for the kinds). Findings give
 * positions in the original text; overlapping matches are resolved in favour of the one
 * that starts first, then the more specific kind.
 */
export function redactSecrets(text: string): Redaction {
  const found = candidates(text).sort(
    (a, b) => a.start - b.start || a.priority - b.priority || b.end - a.end,
  );
  const findings: SecretFinding[] = [];
  let out = '';
  let pos = 0;
  for (const c of found) {
    if (c.start < pos) continue;
    out += text.slice(pos, c.start) + redactionMarker(c.kind, c.hint);
    pos = c.end;
    findings.push({ kind: c.kind, start: c.start, end: c.end });
  }
  if (findings.length === 0) return { text, findings };
  return { text: out + text.slice(pos), findings };
}

/** The distinct kinds of a redaction's findings, for a timeline entry's `masked`. */
export function maskedKinds(findings: readonly SecretFinding[]): SecretKind[] {
  return [...new Set(findings.map((f) => f.kind))];
}
