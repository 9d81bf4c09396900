import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { describe, expect, it } from 'vitest';
import { PRINT_PARTITION } from '../../../electron/main/print-protocol';
import { devToolsAllowed, secureWebPreferences } from '../../../electron/main/web-preferences';
import {
  createMainWindow,
  focusWindow,
  printWindowOptions,
  type ShellWindow,
} from '../../../electron/main/windows';

// The settings every window must carry, whatever else differs between windows.
const LOCKED_DOWN: Partial<WebPreferences> = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
};

function expectLockedDown(prefs: WebPreferences | undefined): void {
  expect(prefs).toBeDefined();
  for (const [key, value] of Object.entries(LOCKED_DOWN)) {
    expect(prefs, key).toHaveProperty(key, value);
  }
  expect(prefs?.enableBlinkFeatures).toBeUndefined();
}

class RecordingWindow implements ShellWindow {
  readonly webContents = { id: 7 };
  readonly handlers = new Map<string, () => void>();
  shown = 0;
  constructor(readonly options: BrowserWindowConstructorOptions) {}
  once(event: string, listener: () => void): this {
    this.handlers.set(event, listener);
    return this;
  }
  on(event: string, listener: () => void): this {
    this.handlers.set(event, listener);
    return this;
  }
  show(): void {
    this.shown += 1;
  }
  loadURL(): Promise<void> {
    return Promise.resolve();
  }
}

describe('secureWebPreferences', () => {
  it('sets every hardening option, with the preload and DevTools as asked', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', { devTools: false });
    expectLockedDown(prefs);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.devTools).toBe(false);
    expect(prefs.javascript).toBe(true);
  });

  it('leaves out the preload entirely when none is given', () => {
    const prefs = secureWebPreferences(undefined, { devTools: false, javascript: false });
    expect('preload' in prefs).toBe(false);
    expect(prefs.javascript).toBe(false);
  });

  it('allows DevTools only in an unpackaged build started with BULWARK_DEV=1', () => {
    expect(devToolsAllowed(false, { BULWARK_DEV: '1' })).toBe(true);
    expect(devToolsAllowed(true, { BULWARK_DEV: '1' })).toBe(false);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(false, { BULWARK_DEV: 'true' })).toBe(false);
  });
});

describe('windows the app creates', () => {
  it('builds the main window locked down, hidden until ready-to-show, titled Bulwark', () => {
    const created: RecordingWindow[] = [];
    const trusted = new Set<number>();
    const window = createMainWindow(
      (options) => {
        const w = new RecordingWindow(options);
        created.push(w);
        return w;
      },
      { preloadPath: '/p/index.cjs', devTools: false, trustedContents: trusted },
    );
    expect(created).toHaveLength(1);
    const options = window.options;
    expectLockedDown(options.webPreferences);
    expect(options.webPreferences?.preload).toBe('/p/index.cjs');
    expect(options.webPreferences?.devTools).toBe(false);
    expect(options.title).toBe('Bulwark');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.minHeight).toBeGreaterThan(0);

    expect(window.shown).toBe(0);
    window.handlers.get('ready-to-show')?.();
    expect(window.shown).toBe(1);
  });

  it('trusts the main window for IPC only while it is open', () => {
    const trusted = new Set<number>();
    const window = createMainWindow((o) => new RecordingWindow(o), {
      preloadPath: '/p',
      devTools: false,
      trustedContents: trusted,
    });
    expect(trusted.has(7)).toBe(true);
    window.handlers.get('closed')?.();
    expect(trusted.has(7)).toBe(false);
  });

  it('builds the print window locked down, hidden, without preload, JavaScript or DevTools, in its own session', () => {
    const options = printWindowOptions();
    expectLockedDown(options.webPreferences);
    expect(options.show).toBe(false);
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.javascript).toBe(false);
    expect(options.webPreferences?.devTools).toBe(false);
    expect(options.webPreferences?.partition).toBe(PRINT_PARTITION);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('focuses and restores the existing window on a second launch', () => {
    const calls: string[] = [];
    focusWindow({
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    });
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(() => {
      focusWindow(null);
    }).not.toThrow();
  });
});
