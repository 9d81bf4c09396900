import { describe, expect, it, vi } from 'vitest';
import type { BulwarkBridge } from '../../../../electron/contract';
import { detectPlatform } from '../../../../renderer/platform';
import { FakeDocument } from './fake-dom';

describe('detectPlatform', () => {
  it('chooses the desktop platform when the preload exposed window.bulwark', async () => {
    const info = vi.fn(() => Promise.resolve({ ok: false as const, error: 'x' }));
    const bridge = { app: { info } } as unknown as BulwarkBridge;
    const w = Object.assign(new EventTarget(), {
      bulwark: bridge,
      document: new FakeDocument().asDocument(),
    });
    const platform = detectPlatform(w as unknown as Window, '0.1.0');
    expect(platform.kind).toBe('desktop');
    await expect(platform.appInfo()).rejects.toThrow('x');
    expect(info).toHaveBeenCalledOnce();
  });

  it('falls back to the browser platform otherwise, with the given version', async () => {
    const w = Object.assign(new EventTarget(), { document: new FakeDocument().asDocument() });
    const platform = detectPlatform(w as unknown as Window, '9.9.9');
    expect(platform.kind).toBe('browser');
    expect((await platform.appInfo()).version).toBe('9.9.9');
  });
});
