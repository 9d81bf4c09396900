import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_CSP, PRINT_CSP, securityHeaders, withCspHeader } from '../../../electron/main/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== undefined && parts[0] !== '')
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('Content-Security-Policy', () => {
  const app = directives(APP_CSP);

  it('is read from csp.json, the one place shared with the browser-mode server', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../../electron/main/csp.json', import.meta.url), 'utf8'),
    ) as { policy: string };
    expect(APP_CSP).toBe(file.policy);
  });

  it("defaults to 'none' and allows scripts from 'self' only", () => {
    expect(app.get('default-src')).toEqual(["'none'"]);
    expect(app.get('script-src')).toEqual(["'self'"]);
  });

  it("never allows 'unsafe-eval', and 'unsafe-inline' only for styles (Mermaid)", () => {
    expect(APP_CSP).not.toContain('unsafe-eval');
    for (const [name, values] of app) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
    expect(app.get('style-src')).toContain("'unsafe-inline'");
  });

  it('shuts plugins, base rewriting, forms, framing and frames', () => {
    expect(app.get('object-src')).toEqual(["'none'"]);
    expect(app.get('base-uri')).toEqual(["'none'"]);
    expect(app.get('form-action')).toEqual(["'none'"]);
    expect(app.get('frame-ancestors')).toEqual(["'none'"]);
    expect(app.get('frame-src')).toEqual(["'none'"]);
    expect(app.get('connect-src')).toEqual(["'self'"]);
  });

  it('lets the print page run no script and fetch nothing', () => {
    const print = directives(PRINT_CSP);
    expect(print.get('default-src')).toEqual(["'none'"]);
    expect(print.has('script-src')).toBe(false);
    expect(print.get('img-src')).toEqual(['data:']);
    expect(PRINT_CSP).not.toContain("'self'");
    expect(PRINT_CSP).not.toMatch(/https?:|file:/);
  });

  it('puts the policy and the hardening headers on every response', () => {
    const headers = securityHeaders('text/html');
    expect(headers).toMatchObject({
      'Content-Type': 'text/html',
      'Content-Security-Policy': APP_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });

  it('replaces any CSP in received headers, whatever its case, and keeps the rest', () => {
    const out = withCspHeader({
      'content-security-policy': ["script-src * 'unsafe-eval'"],
      'X-Other': 'kept',
    });
    expect(out).toEqual({ 'X-Other': ['kept'], 'Content-Security-Policy': [APP_CSP] });
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [APP_CSP] });
  });
});
