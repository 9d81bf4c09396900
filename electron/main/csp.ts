import csp from './csp.json' with { type: 'json' };

// The policies live in csp.json so that the plain Node static server (browser mode,
// scripts/serve.mjs) sends byte-for-byte the same policy as the desktop shell.
//
// Why each widening beyond `default-src 'none'` in `policy`:
// - script-src 'self': our bundled modules only. Never 'unsafe-inline' or 'unsafe-eval':
//   an injected string in an imported OpenAPI file must not become code.
// - style-src 'unsafe-inline': Mermaid injects <style> elements and style attributes into
//   the diagrams it renders. Inline CSS cannot run script; the residual risk is CSS-based
//   exfiltration, which connect-src/img-src 'self' (no remote hosts) already blunts.
// - img-src data: blob:: diagram exports and pasted images are data:/blob: URLs.
// - font-src data:: fonts inlined by the bundler.
// - worker-src blob:: bundlers and Mermaid may start workers from blob: URLs.
// - connect-src 'self': the app is offline-first; no remote endpoint is contacted.
// - frame-src 'none' (explicit, not 'self'): the browser print fallback uses a srcdoc
//   iframe. Chromium does not apply frame-src to local-scheme frames (about:srcdoc,
//   about:blank; w3c/webappsec-csp#235), and 'self' would not match about:srcdoc anyway,
//   so 'self' would buy nothing for the fallback while allowing any app page to be framed.
//
// `printPolicy` governs the hidden window that renders reports to PDF: inline styles and
// data: images only, so report HTML cannot fetch anything, frame a file:// page into the
// PDF, or run script (JavaScript is also disabled in that window).

/** Content-Security-Policy of every app:// response and of the browser-mode server. */
export const APP_CSP: string = csp.policy;
/** Content-Security-Policy of the report page rendered to PDF. */
export const PRINT_CSP: string = csp.printPolicy;

/** Security headers for one response of the app protocol, with its content type. */
export function securityHeaders(
  contentType: string,
  policy: string = APP_CSP,
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': policy,
    // Stops a mislabelled file from being sniffed into script or HTML.
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * Response headers with our CSP replacing any CSP already present (any letter case).
 * Second layer, applied session-wide by webRequest, so a response that somehow did not
 * come from our protocol handler still carries the policy.
 */
export function withCspHeader(
  headers: Record<string, string | string[]> | undefined,
  policy: string = APP_CSP,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
