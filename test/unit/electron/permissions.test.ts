import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../electron/main/csp';
import {
  PERMISSION_ALLOW_LIST,
  hardenSession,
  isPermissionAllowed,
  type HardenableSession,
} from '../../../electron/main/permissions';

type Handlers = {
  request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
  check?: Parameters<HardenableSession['setPermissionCheckHandler']>[0];
  device?: Parameters<HardenableSession['setDevicePermissionHandler']>[0];
  display?: Parameters<HardenableSession['setDisplayMediaRequestHandler']>[0];
  headers?: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
};

function fakeSession(): { session: HardenableSession; handlers: Handlers } {
  const handlers: Handlers = {};
  const session: HardenableSession = {
    setPermissionRequestHandler: (h) => (handlers.request = h),
    setPermissionCheckHandler: (h) => (handlers.check = h),
    setDevicePermissionHandler: (h) => (handlers.device = h),
    setDisplayMediaRequestHandler: (h) => (handlers.display = h),
    webRequest: { onHeadersReceived: (h) => (handlers.headers = h) },
  };
  return { session, handlers };
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'hid',
  'serial',
  'usb',
  'display-capture',
  'openExternal',
  'unknown',
];

describe('permissions', () => {
  it('has an empty allow-list', () => {
    expect(PERMISSION_ALLOW_LIST).toEqual([]);
  });

  it.each(PERMISSIONS)('denies %s by default, even for the app origin', (permission) => {
    expect(isPermissionAllowed(permission, 'app://bulwark')).toBe(false);
  });

  it('allows only the exact permission and origin of a row', () => {
    const list = [{ permission: 'clipboard-sanitized-write', origin: 'app://bulwark' }];
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://bulwark', list)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://evil', list)).toBe(false);
    expect(isPermissionAllowed('clipboard-read', 'app://bulwark', list)).toBe(false);
  });

  it.each(PERMISSIONS)('the session denies requests and checks for %s', (permission) => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const answers: boolean[] = [];
    handlers.request?.(null, permission, (granted) => answers.push(granted), {
      requestingUrl: 'app://bulwark/index.html',
    });
    expect(answers).toEqual([false]);
    expect(handlers.check?.(null, permission, 'app://bulwark')).toBe(false);
  });

  it('grants through the session only what the list names, for that origin', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { allowList: [{ permission: 'fullscreen', origin: 'app://bulwark' }] });
    const answers: boolean[] = [];
    handlers.request?.(null, 'fullscreen', (g) => answers.push(g), {
      requestingUrl: 'app://bulwark/index.html',
    });
    handlers.request?.(null, 'fullscreen', (g) => answers.push(g), {
      requestingUrl: 'https://evil.example/',
    });
    handlers.request?.(null, 'fullscreen', (g) => answers.push(g), {});
    expect(answers).toEqual([true, false, false]);
  });

  it('denies devices and screen capture', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    expect(handlers.device?.()).toBe(false);
    const streams: unknown[] = [];
    handlers.display?.({}, (s) => streams.push(s));
    expect(streams).toEqual([null]);
  });

  it('adds the CSP to every response when asked, and not otherwise', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { csp: APP_CSP });
    let headers: Record<string, string[]> | undefined;
    handlers.headers?.(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [APP_CSP],
    });

    const other = fakeSession();
    hardenSession(other.session);
    expect(other.handlers.headers).toBeUndefined();
  });
});
