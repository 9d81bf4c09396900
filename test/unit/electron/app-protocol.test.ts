import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../../electron/main/app-protocol';

// A real temporary renderer folder with a secret file next to it: every traversal
// form must miss the secret and answer 404.
const base = mkdtempSync(path.join(tmpdir(), 'bulwark-app-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Bulwark</title>');
writeFileSync(path.join(root, 'assets', 'index-AbC123.js'), 'export {};');
writeFileSync(path.join(root, 'assets', 'index-AbC123.css'), 'body{}');
writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(path.join(root, 'assets', 'font.woff2'), 'wOF2');
writeFileSync(path.join(base, 'secret.txt'), 'secret');
writeFileSync(path.join(root, 'rendererX'), 'x');
mkdirSync(path.join(base, 'renderer-evil'));
writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const TRAVERSALS = [
  'app://bulwark/../secret.txt',
  'app://bulwark/assets/../../secret.txt',
  'app://bulwark/%2e%2e/secret.txt',
  'app://bulwark/%2E%2e%2fsecret.txt',
  'app://bulwark/assets/..%2f..%2fsecret.txt',
  'app://bulwark/%252e%252e/secret.txt',
  'app://bulwark/%252e%252e%252fsecret.txt',
  'app://bulwark/..\\secret.txt',
  'app://bulwark/assets\\..\\..\\secret.txt',
  'app://bulwark/%5c..%5csecret.txt',
  'app://bulwark//etc/passwd',
  'app://bulwark///etc/passwd',
  `app://bulwark/${base}/secret.txt`,
  'app://bulwark/C:/Windows/win.ini',
  'app://bulwark/index.html\u0000.png',
  'app://bulwark/index.html%00.png',
  'app://bulwark/./index.html',
  'app://bulwark/assets/',
  'app://evil/index.html',
  'app://bulwark.evil/index.html',
  'app://bulwark:8080/index.html',
  'app://user@bulwark/index.html',
  'app://evil@bulwark/index.html',
  'https://bulwark/index.html',
  'file:///etc/passwd',
  'app:index.html',
  '',
  `app://bulwark/${'a/'.repeat(2000)}x.js`,
];

describe('resolveAppPath', () => {
  it('maps / and ordinary asset paths inside the root', () => {
    expect(resolveAppPath(root, 'app://bulwark/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://bulwark')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://bulwark/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://bulwark/assets/index-AbC123.js')).toBe(
      path.join(root, 'assets', 'index-AbC123.js'),
    );
    expect(resolveAppPath(root, 'app://bulwark/assets/index-AbC123.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-AbC123.js'),
    );
  });

  it.each(TRAVERSALS)('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never resolves to the root itself or to a sibling folder sharing its prefix', () => {
    // root + sep, not just root: /x/renderer-evil starts with /x/renderer.
    expect(resolveAppPath(root, 'app://bulwark/..')).toBeNull();
    expect(
      resolveAppPath(path.join(base, 'renderer'), 'app://bulwark/../renderer-evil/x.js'),
    ).toBeNull();
  });
});

describe('app:// protocol handler', () => {
  const handler = createAppProtocolHandler(root, (p) => readFile(p));
  const get = (url: string): Promise<Response> => handler({ url, method: 'GET' });

  it('serves index.html for / with the security headers', async () => {
    const res = await get('app://bulwark/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(path.join(root, 'index.html'), 'utf8'));
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it.each([
    ['assets/index-AbC123.js', 'text/javascript; charset=utf-8'],
    ['assets/index-AbC123.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (file, type) => {
    const res = await get(`app://bulwark/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each(TRAVERSALS)('answers 404 for %s, with the CSP still set', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers 404 for missing files and for directories', async () => {
    expect((await get('app://bulwark/missing.js')).status).toBe(404);
    expect((await get('app://bulwark/assets')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler({ url: 'app://bulwark/index.html', method: 'POST' })).status).toBe(405);
    const head = await handler({ url: 'app://bulwark/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('labels unknown extensions as opaque bytes', () => {
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('rendererX')).toBe('application/octet-stream');
    expect(contentTypeFor('A.HTML')).toBe('text/html; charset=utf-8');
  });

  it('registers the scheme as standard and secure, with fetch and streaming but no CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: false,
        stream: true,
      },
    });
  });
});
