import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskedKinds, redactSecrets } from '../../../../core/incidents/redact';
import type { SecretKind } from '../../../../core/incidents/types';

// Sample secrets are assembled from pieces so that this file itself does not trip secret
// scanners; each has the published shape of its kind.
const rep = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' +
  '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFuYSJ9' +
  '.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const SAMPLES: readonly { kind: SecretKind; secret: string; text: (s: string) => string }[] = [
  { kind: 'jwt', secret: JWT, text: (s) => `The session cookie was ${s} in the log.` },
  {
    kind: 'bearer-token',
    secret: 'mF_9.B5f-4.1JqM',
    text: (s) => `curl -H "Authorization: Bearer ${s}" https://api.example.com`,
  },
  {
    kind: 'basic-auth',
    secret: 'YWxhZGRpbjpvcGVuc2VzYW1l',
    text: (s) => `Authorization: Basic ${s}`,
  },
  {
    kind: 'aws-access-key-id',
    secret: 'AKIA' + 'IOSFODNN7EXAMPLE',
    text: (s) => `key id ${s} was used from 203.0.113.9`,
  },
  {
    kind: 'aws-secret-key',
    secret: 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY',
    text: (s) => `aws_secret_access_key = ${s}`,
  },
  {
    kind: 'github-token',
    secret: 'ghp_' + rep('a1B2c3D4e5', 36),
    text: (s) => `token ${s} pushed to the repo`,
  },
  { kind: 'github-token', secret: 'gho_' + rep('Zz9', 36), text: (s) => `oauth ${s}` },
  { kind: 'github-token', secret: 'ghs_' + rep('Q7w', 36), text: (s) => `app ${s}` },
  {
    kind: 'github-token',
    secret: 'github_pat_' + rep('11ABCDEFG0_abc', 82),
    text: (s) => `fine-grained ${s}.`,
  },
  { kind: 'gitlab-token', secret: 'glpat-' + rep('xY7_-', 20), text: (s) => `gitlab ${s}` },
  {
    kind: 'slack-token',
    secret: 'xoxb-' + '123456789012-1234567890123-' + rep('AbCd', 24),
    text: (s) => `bot token ${s}`,
  },
  {
    kind: 'slack-token',
    secret: 'https://hooks.slack.com/services/' + 'T0000/B0000/' + rep('XXXX', 24),
    text: (s) => `webhook: ${s}`,
  },
  {
    kind: 'stripe-key',
    secret: 'sk_' + 'live_' + rep('4eC39HqLyjWDarjtT1zdp7dc', 24),
    text: (s) => `stripe ${s}`,
  },
  { kind: 'stripe-key', secret: 'rk_' + 'live_' + rep('51Hx', 30), text: (s) => `restricted ${s}` },
  {
    kind: 'google-api-key',
    secret: 'AIza' + rep('SyD-9tSrke72PouQMnMX', 35),
    text: (s) => `maps key=${s}`,
  },
  {
    kind: 'openai-key',
    secret: 'sk-proj-' + rep('aB3dE5fG7hJ9kL1mN', 48),
    text: (s) => `OPENAI ${s}`,
  },
  { kind: 'openai-key', secret: 'sk-' + rep('T3BlbkFJ9x', 48), text: (s) => `legacy ${s}` },
  { kind: 'anthropic-key', secret: 'sk-ant-api03-' + rep('Xy_9', 40), text: (s) => s },
  { kind: 'twilio-key', secret: 'SK' + rep('0123456789abcdef', 32), text: (s) => `sid ${s}` },
  {
    kind: 'sendgrid-key',
    secret:
      'SG.' +
      rep('ngeVfQFYQlKU0ufo8x5d1A', 22) +
      '.' +
      rep('TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr', 43),
    text: (s) => `mail ${s}`,
  },
  { kind: 'npm-token', secret: 'npm_' + rep('a1b2C3d4E5', 36), text: (s) => `publish with ${s}` },
  {
    kind: 'azure-key',
    secret: rep('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', 86) + '==',
    text: (s) => `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${s};`,
  },
  {
    kind: 'url-password',
    secret: 'S3cr3t!pw',
    text: (s) => `connect to postgres://app_user:${s}@db.internal:5432/prod now`,
  },
  { kind: 'password-assignment', secret: 'hunter2', text: (s) => `DB_PASSWORD=${s}` },
  { kind: 'password-assignment', secret: '"correct horse"', text: (s) => `password: ${s}` },
  {
    kind: 'api-key-assignment',
    secret: 'a8f5f167f44f4964e6c998dee827110c',
    text: (s) => `X-API-Key: ${s}`,
  },
  { kind: 'api-key-assignment', secret: "'k-12345678'", text: (s) => `api_key = ${s}` },
];

describe('secret redaction', () => {
  it.each(SAMPLES.map((s) => [s.kind, s] as const))('masks a %s', (_kind, sample) => {
    const input = sample.text(sample.secret);
    const result = redactSecrets(input);
    expect(result.text).not.toContain(sample.secret);
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f?.kind).toBe(sample.kind);
    expect(input.slice(f?.start, f?.end)).toBe(sample.secret);
    expect(result.text).toMatch(/\[redacted: [^\]]+\]/);
  });

  it('keeps a short non-secret hint and the text around the secret', () => {
    const token = 'ghp_' + rep('a1B2c3D4e5', 36);
    expect(redactSecrets(`Revoke ${token} now.`).text).toBe(
      'Revoke [redacted: GitHub token (ghp_…)] now.',
    );
    expect(redactSecrets(`Authorization: Bearer ${JWT}`).text).toBe(
      'Authorization: Bearer [redacted: JWT]',
    );
    expect(redactSecrets('redis://:pa55word@cache:6379').text).toBe(
      'redis://:[redacted: password]@cache:6379',
    );
    expect(redactSecrets(`id=${'AKIA' + 'IOSFODNN7EXAMPLE'}`).text).toBe(
      'id=[redacted: AWS access key id (AKIA…)]',
    );
  });

  it('masks a multi-line PEM private key, and a truncated one', () => {
    const body = ['MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF0qkX', 'q1w2e3r4t5y6u7i8o9p0+/=='];
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----`;
    const result = redactSecrets(`Found in the repo:\n${pem}\nRotated at 10:02.`);
    expect(result.text).toBe(
      'Found in the repo:\n[redacted: private key (RSA)]\nRotated at 10:02.',
    );
    const truncated = `-----BEGIN PRIVATE KEY-----\n${body.join('\n')}\nThe rest was cut off.`;
    const t = redactSecrets(truncated);
    expect(t.text).toBe('[redacted: private key]\nThe rest was cut off.');
    for (const line of body) expect(t.text).not.toContain(line);
    const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body[0] ?? ''}\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(redactSecrets(pgp).findings).toEqual([
      { kind: 'private-key', start: 0, end: pgp.length },
    ]);
    // Pasted from a JSON string: literal backslash-n instead of line breaks.
    const nl = '\\n';
    const json = `{"key": "-----BEGIN EC PRIVATE KEY-----${nl}${body[0] ?? ''}${nl}-----END EC PRIVATE KEY-----${nl}"}`;
    expect(redactSecrets(json).text).toBe(`{"key": "[redacted: private key (EC)]${nl}"}`);
  });

  it('masks several secrets and lists each kind once for the timeline', () => {
    const text = `token ${JWT} and password=hunter2 and another ${JWT}`;
    const result = redactSecrets(text);
    expect(result.findings.map((f) => f.kind)).toEqual(['jwt', 'password-assignment', 'jwt']);
    expect(maskedKinds(result.findings)).toEqual(['jwt', 'password-assignment']);
    expect(result.text).toBe(
      'token [redacted: JWT] and password=[redacted: password] and another [redacted: JWT]',
    );
  });

  it('leaves ordinary incident text alone', () => {
    const ordinary = [
      'At 09:14 the WAF blocked 4,312 requests to /v1/users/{id} from 198.51.100.7.',
      'Request id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 returned 500.',
      'The release sha256 is e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.',
      'Commit 9fceb02d0ae598e95dc970b74767f19372d61af8 introduced the bug.',
      'See https://status.example.com/incidents/42?view=full and http://intranet:8080/runbook.',
      'Email ana@example.com or ring the bridge.',
      'The password was reset for 120 users; password: reset by Ana.',
      'Bearer tokens are issued by the gateway; bearer authentication is required.',
      'Basic authentication is disabled on the admin API.',
      'The api key rotation is scheduled; secret rotation done.',
      'Error: sk-learn model failed; task-1234 done; AKIA is a prefix.',
      'MD5 d41d8cd98f00b204e9800998ecf8427e, base64 aGVsbG8gd29ybGQ=',
      'Paths like C:\\logs\\app.log and /var/log/nginx/access.log were collected.',
      'ssh://git@github.com:acme/api.git cloned.',
    ];
    for (const text of ordinary) expect(redactSecrets(text)).toEqual({ text, findings: [] });
  });

  it('is idempotent: a redacted note has nothing left to mask', () => {
    const once = redactSecrets(SAMPLES.map((s) => s.text(s.secret)).join('\n'));
    expect(once.findings.length).toBe(SAMPLES.length);
    expect(redactSecrets(once.text).findings).toEqual([]);
  });

  it('never lets a secret through, wherever it sits in prose (property)', () => {
    const words = fc.array(
      fc.constantFrom(
        'the',
        'token',
        'was',
        'leaked',
        'in',
        'logs',
        ':',
        '(',
        ')',
        '"',
        '\n',
        'at',
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), words, words, (sample, before, after) => {
        const input = `${before.join(' ')} ${sample.text(sample.secret)} ${after.join(' ')}`;
        const result = redactSecrets(input);
        expect(result.text).not.toContain(sample.secret);
        expect(result.findings.some((f) => f.kind === sample.kind)).toBe(true);
      }),
    );
  });

  it('finds GitHub tokens of any body (property)', () => {
    const body = fc.stringMatching(/^[A-Za-z0-9]{36,60}$/);
    fc.assert(
      fc.property(fc.constantFrom('ghp_', 'gho_', 'ghs_', 'ghu_', 'ghr_'), body, (p, b) => {
        const result = redactSecrets(`leaked ${p}${b} here`);
        expect(result.text).toBe(`leaked [redacted: GitHub token (${p}…)] here`);
      }),
    );
  });

  it('leaves hex digests and UUIDs alone (property)', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{32,64}$/);
    fc.assert(
      fc.property(hex, fc.uuid(), (h, u) => {
        const text = `digest ${h} for request ${u}`;
        expect(redactSecrets(text).findings).toEqual([]);
      }),
    );
  });
});

describe('hostile input', () => {
  it('handles long runs of near-secrets in linear passes (no pattern backtracks without bound)', () => {
    const hostile = [
      'a'.repeat(200_000),
      '-----BEGIN PRIVATE KEY-----\n'.repeat(5000),
      'eyJaaaaa.'.repeat(20_000),
      'http://a:'.repeat(20_000),
      'password='.repeat(20_000),
      'Bearer '.repeat(30_000),
      'Authorization: Basic '.repeat(10_000),
    ];
    for (const text of hostile) {
      const result = redactSecrets(text);
      expect(typeof result.text).toBe('string');
    }
    // Each armour line without a body or END is masked as a truncated key.
    expect(redactSecrets('-----BEGIN PRIVATE KEY-----\n'.repeat(3)).findings).toHaveLength(3);
  });
});
