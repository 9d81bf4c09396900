import { describe, expect, it, vi } from 'vitest';
import {
  guardWebContents,
  isAllowedNavigation,
  isSafeExternalUrl,
} from '../../../electron/main/navigation';
import { FakeWebContents } from './fakes';

function guarded(): {
  contents: FakeWebContents;
  openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>;
} {
  const contents = new FakeWebContents();
  const openExternal = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  guardWebContents(contents, openExternal);
  return { contents, openExternal };
}

describe('isSafeExternalUrl', () => {
  it.each(['https://owasp.org/API-Security/', 'https://example.com:8443/a?b=c#d'])(
    'accepts %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://bulwark/index.html',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://example.com/\u0000',
    'https://example.com/ x',
    'not a url',
    '',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('navigation guard', () => {
  it('allows navigation only within app://bulwark', () => {
    expect(isAllowedNavigation('app://bulwark/index.html')).toBe(true);
    expect(isAllowedNavigation('app://evil/index.html')).toBe(false);
    expect(isAllowedNavigation('https://bulwark/')).toBe(false);
  });

  it('prevents will-navigate to a remote site and opens it in the system browser instead', () => {
    const { contents, openExternal } = guarded();
    const event = contents.emit('will-navigate', 'https://example.com/');
    expect(event.prevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it.each(['file:///etc/passwd', 'http://example.com/', 'javascript:alert(1)', 'app://other/'])(
    'prevents will-navigate to %s without opening it anywhere',
    (url) => {
      const { contents, openExternal } = guarded();
      expect(contents.emit('will-navigate', url).prevented).toBe(true);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('lets the app navigate within its own origin', () => {
    const { contents } = guarded();
    expect(contents.emit('will-navigate', 'app://bulwark/index.html').prevented).toBe(false);
  });

  it('prevents redirects and sub-frame navigations away from the app', () => {
    const { contents } = guarded();
    expect(contents.emit('will-redirect', 'https://example.com/').prevented).toBe(true);
    expect(contents.emit('will-frame-navigate', 'file:///etc/passwd').prevented).toBe(true);
  });

  it('prevents attaching any <webview>', () => {
    const { contents } = guarded();
    expect(contents.emit('will-attach-webview').prevented).toBe(true);
  });

  it('denies every window.open, opening only safe https links externally', () => {
    const { contents, openExternal } = guarded();
    const handler = contents.openHandler;
    expect(handler).toBeDefined();
    expect(handler?.({ url: 'https://owasp.org/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'app://bulwark/index.html' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://owasp.org/']]);
  });

  it('survives a failing system browser', async () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(() => Promise.reject(new Error('no handler')));
    guardWebContents(contents, openExternal);
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).toHaveBeenCalledOnce();
  });
});
