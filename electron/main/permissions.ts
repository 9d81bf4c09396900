import { originOf } from './app-origin';
import { withCspHeader } from './csp';

// Web permissions (camera, microphone, geolocation, notifications, clipboard read, HID,
// USB, serial, screen capture, ...) are granted by Electron by default. The app needs
// none of them, so everything is denied unless a row below names the permission and the
// exact origin. Adding a row is a reviewed change with its reason in a comment.

/** One allowed permission for one exact origin. */
export type PermissionGrant = { readonly permission: string; readonly origin: string };

/** Permissions the app may use. Empty: the UI needs no web permission. */
export const PERMISSION_ALLOW_LIST: readonly PermissionGrant[] = [];

/** True only when the allow-list names this permission for this exact origin. */
export function isPermissionAllowed(
  permission: string,
  origin: string,
  allowList: readonly PermissionGrant[] = PERMISSION_ALLOW_LIST,
): boolean {
  return allowList.some((grant) => grant.permission === permission && grant.origin === origin);
}

/** The part of a Session the hardening uses. */
export type HardenableSession = {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: null) => void) => void,
  ): void;
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: { readonly responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
};

/** Session-wide options. */
export type HardenOptions = {
  /** CSP added to every response by webRequest; omit for sessions that set their own. */
  readonly csp?: string;
  readonly allowList?: readonly PermissionGrant[];
};

/** Installs the permission, device, screen-capture and CSP handlers on a session. */
export function hardenSession(session: HardenableSession, opts: HardenOptions = {}): void {
  const allowList = opts.allowList ?? PERMISSION_ALLOW_LIST;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const origin = originOf(details.requestingUrl ?? '');
    callback(origin !== null && isPermissionAllowed(permission, origin, allowList));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    const origin = originOf(requestingOrigin);
    return origin !== null && isPermissionAllowed(permission, origin, allowList);
  });
  // USB, HID, serial devices: never, whatever was chosen in a picker.
  session.setDevicePermissionHandler(() => false);
  // getDisplayMedia: no screen or window capture.
  session.setDisplayMediaRequestHandler((_request, callback) => {
    callback(null);
  });
  const policy = opts.csp;
  if (policy !== undefined) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withCspHeader(details.responseHeaders, policy) });
    });
  }
}
