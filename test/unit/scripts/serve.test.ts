import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFor, startServer } from '../../../scripts/serve.mjs';

const root = mkdtempSync(join(tmpdir(), 'bulwark-serve-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
writeFileSync(join(tmpdir(), 'bulwark-secret.txt'), 'secret');

describe('browser-mode static server', () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    server = await startServer({ root, port: 0 });
  });
  afterAll(async () => server.close());

  it('maps ordinary paths inside the root', () => {
    expect(fileFor(root, '/')).toBe(join(root, 'index.html'));
    expect(fileFor(root, '/assets/app.js?v=1')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../bulwark-secret.txt',
    '/%2e%2e/bulwark-secret.txt',
    '/assets/..%2f..%2fbulwark-secret.txt',
    '/a%00.js',
    '/..\\bulwark-secret.txt',
    '/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(fileFor(root, p)).toBeNull();
  });

  it('serves with the shell CSP and no unsafe-eval', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for traversal over HTTP', async () => {
    const res = await fetch(new URL('/%2e%2e/bulwark-secret.txt', server.url));
    expect(res.status).toBe(404);
  });
});
