import { APP_SCHEME } from './app-origin';
import { PRINT_CSP, securityHeaders } from './csp';

// Report HTML reaches the hidden print window through this handler, registered on a
// separate in-memory session (PRINT_PARTITION). Why not the alternatives:
// - a data: URL is capped by Chromium at 2 MB of URL, and reports with diagrams exceed it;
// - a temporary file:// page could frame or embed other local files into the PDF.
// Here each job is served once from memory with PRINT_CSP (no script, no network, no
// frames), from a host that is not the app host, in a session holding no app data.

/** In-memory session of the print window: it shares no storage with the app. */
export const PRINT_PARTITION = 'bulwark-print';
/** Host under which print jobs are served in the print session. */
export const PRINT_HOST = 'bulwark-print';

/** Pending report pages, keyed by their one-off URL. */
export type PrintJobs = {
  /** Stores the HTML and returns the URL the print window should load. */
  readonly add: (html: string) => string;
  /** HTML of a pending job, or undefined. */
  readonly get: (url: string) => string | undefined;
  /** Forgets a job once printed (or failed). */
  readonly remove: (url: string) => void;
};

/** A store of print jobs whose URLs carry an unguessable id from randomId. */
export function createPrintJobs(randomId: () => string): PrintJobs {
  const jobs = new Map<string, string>();
  return {
    add: (html) => {
      const url = `${APP_SCHEME}://${PRINT_HOST}/${randomId()}.html`;
      jobs.set(url, html);
      return url;
    },
    get: (url) => jobs.get(url),
    remove: (url) => {
      jobs.delete(url);
    },
  };
}

/** Protocol handler of the print session: a pending job's HTML under PRINT_CSP, else 404. */
export function createPrintProtocolHandler(
  jobs: PrintJobs,
): (request: { readonly url: string }) => Response {
  return (request) => {
    const html = jobs.get(request.url);
    if (html === undefined) {
      return new Response('Not found', {
        status: 404,
        headers: securityHeaders('text/plain; charset=utf-8', PRINT_CSP),
      });
    }
    return new Response(html, {
      status: 200,
      headers: securityHeaders('text/html; charset=utf-8', PRINT_CSP),
    });
  };
}
