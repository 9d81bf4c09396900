import path from 'node:path';
import { APP_ORIGIN, APP_SCHEME, hasControlCharacter } from './app-origin';
import { securityHeaders } from './csp';

// Serves the built renderer (out/renderer) under app://bulwark/. The threat is a page
// (or an injected string that becomes a URL) asking for a file outside that folder:
// ~/.ssh/id_rsa via `..`, an encoded `..`, a backslash on Windows, a NUL that truncates
// the path, or an absolute path. resolveAppPath refuses every such form before any file
// system call, then confirms the resolved path is still under the root.

/**
 * Privileges of the app scheme, registered before `ready`: standard (real origin and
 * relative URLs), secure (like https), fetch and streaming; no CORS, as nothing is
 * fetched across origins.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    stream: true,
  },
} as const;

const MAX_URL_LENGTH = 2048;
// One path segment: the characters the bundler uses in file names, nothing else.
const SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * Absolute file path under rootDir for an app:// request URL, or null when the URL
 * names another host or could escape the root (traversal, encodings, NUL, backslash).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (requestUrl.length > MAX_URL_LENGTH) return null;
  // NUL and other control characters, and backslashes (a separator on Windows).
  if (hasControlCharacter(requestUrl) || requestUrl.includes('\\')) return null;
  // No percent-encoding at all: our file names never need it, and refusing it outright
  // covers %2e%2e, %2f, %5c, %00 and double encodings such as %252e in one rule.
  if (requestUrl.includes('%')) return null;
  const prefix = `${APP_ORIGIN}/`;
  // Chromium adds the slash to a bare origin; accept the bare form for direct callers.
  const url = requestUrl === APP_ORIGIN ? prefix : requestUrl;
  // Exact origin prefix: refuses other hosts, ports, credentials (app://bulwark@evil/).
  if (!url.startsWith(prefix)) return null;
  const rest = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  const relative = rest === '' ? 'index.html' : rest;
  const segments = relative.split('/');
  // Empty segments (`//etc`, trailing `/`), `.` and `..`, drive letters (`C:`) all fail.
  if (!segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) return null;
  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...segments);
  return full.startsWith(root + path.sep) ? full : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Content-Type for a file name by its extension; unknown types are opaque bytes. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** The part of a fetch Request the handler reads. */
export type AppRequest = { readonly url: string; readonly method: string };
/** Reads one file's bytes; rejects when it is missing or is a directory. */
export type ReadFile = (filePath: string) => Promise<Uint8Array>;

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The app:// protocol handler: files of rootDir with security headers, 404 otherwise. */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile,
): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed');
    const filePath = resolveAppPath(rootDir, request.url);
    if (filePath === null) return plain(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch {
      // Missing file or a directory: the same answer, and no path in the message.
      return plain(404, 'Not found');
    }
    const headers = securityHeaders(contentTypeFor(filePath));
    // Copy into a fresh ArrayBuffer-backed view: a Node Buffer may share a larger pool.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}
