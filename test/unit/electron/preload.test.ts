import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANNELS,
  MENU_CHANNEL,
  MENU_COMMANDS,
  MENU_EVENT,
  type BulwarkBridge,
} from '../../../electron/contract';

// The preload runs in Electron's sandbox; here `electron` is replaced by recording fakes
// and `window` by an EventTarget, and the module is loaded fresh for each test.
const exposed = new Map<string, unknown>();
const invoke = vi.fn<(...args: unknown[]) => Promise<unknown>>(() =>
  Promise.resolve({ ok: true, value: null }),
);
const menuListeners: ((event: unknown, ...args: unknown[]) => void)[] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (channel === MENU_CHANNEL) menuListeners.push(listener);
    },
  },
}));

let fakeWindow: EventTarget;

beforeEach(async () => {
  exposed.clear();
  menuListeners.length = 0;
  invoke.mockClear();
  fakeWindow = new EventTarget();
  vi.stubGlobal('window', fakeWindow);
  vi.resetModules();
  await import('../../../electron/preload/index');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function bridge(): BulwarkBridge {
  const api = exposed.get('bulwark');
  if (api === undefined) throw new Error('bridge not exposed');
  return api as BulwarkBridge;
}

describe('preload bridge', () => {
  it('exposes exactly window.bulwark with the five contract methods, and no ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['bulwark']);
    const api = bridge();
    expect(Object.keys(api).sort()).toEqual(['app', 'exercises', 'files', 'reports']);
    expect(Object.keys(api.files).sort()).toEqual(['open', 'save']);
    expect(Object.keys(api.reports)).toEqual(['printToPdf']);
    expect(Object.keys(api.app)).toEqual(['info']);
    expect(Object.keys(api.exercises)).toEqual(['openParticipant']);
  });

  it('maps each method to one invoke on its channel with the one argument', async () => {
    const api = bridge();
    const save = { suggestedName: 'a.json', content: '{}', filters: [] };
    const open = { filters: [] };
    const print = { suggestedName: 'r', html: '<p/>' };
    await api.files.save(save);
    await api.files.open(open);
    await api.reports.printToPdf(print);
    await api.app.info();
    await api.exercises.openParticipant({ exerciseId: 'ex-1' });
    expect(invoke.mock.calls).toEqual([
      [CHANNELS.filesSave, save],
      [CHANNELS.filesOpen, open],
      [CHANNELS.reportsPrintToPdf, print],
      [CHANNELS.appInfo, {}],
      [CHANNELS.exercisesOpenParticipant, { exerciseId: 'ex-1' }],
    ]);
  });

  it.each(MENU_COMMANDS)(
    'dispatches menu command %s as a DOM event whose detail is the string',
    (command) => {
      const seen: unknown[] = [];
      fakeWindow.addEventListener(MENU_EVENT, (event) => seen.push((event as CustomEvent).detail));
      const ipcEvent = { sender: 'ipcRenderer would leak here' };
      for (const listener of menuListeners) listener(ipcEvent, command);
      expect(seen).toEqual([command]);
    },
  );

  it.each([['file.delete-everything'], [42], [{ toString: () => 'file.new' }], [undefined]])(
    'drops the unknown menu command %j',
    (command) => {
      const seen: unknown[] = [];
      fakeWindow.addEventListener(MENU_EVENT, (event) => seen.push(event));
      for (const listener of menuListeners) listener({}, command);
      expect(seen).toEqual([]);
    },
  );
});
