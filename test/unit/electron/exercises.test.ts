import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/contract';
import { APP_INDEX_URL } from '../../../electron/main/app-origin';
import { registerExerciseHandlers } from '../../../electron/main/ipc/exercises';
import {
  createParticipantWindows,
  mainWindowOptions,
  participantUrl,
  participantWindowOptions,
  type ShellWindow,
} from '../../../electron/main/windows';
import { FakeIpc, TRUSTED_ID, ipcEvent } from './fakes';

const trusted = new Set([TRUSTED_ID]);
const APP_PAGE = 'app://bulwark/index.html';

function handlers() {
  const ipc = new FakeIpc();
  const openParticipantWindow = vi.fn<(id: string) => Promise<void>>(() => Promise.resolve());
  registerExerciseHandlers(ipc, { openParticipantWindow }, trusted);
  return { ipc, openParticipantWindow };
}

describe('exercises:openParticipant', () => {
  it('opens the participant window for a trusted sender with a valid id', async () => {
    const { ipc, openParticipantWindow } = handlers();
    const reply = await ipc.invoke(CHANNELS.exercisesOpenParticipant, ipcEvent(APP_PAGE), {
      exerciseId: '0b6f7a54-1c2d-4e5f-9a8b-7c6d5e4f3a2b',
    });
    expect(reply).toEqual({ ok: true, value: null });
    expect(openParticipantWindow).toHaveBeenCalledWith('0b6f7a54-1c2d-4e5f-9a8b-7c6d5e4f3a2b');
  });

  it.each([
    ['a foreign page', ipcEvent('https://evil.example/'), { exerciseId: 'ex-1' }],
    ['a sub-frame', ipcEvent(APP_PAGE, { parent: {} }), { exerciseId: 'ex-1' }],
    ['an untrusted window', ipcEvent(APP_PAGE, { senderId: 99 }), { exerciseId: 'ex-1' }],
    ['a path in the id', ipcEvent(APP_PAGE), { exerciseId: '../../etc/passwd' }],
    ['a hash in the id', ipcEvent(APP_PAGE), { exerciseId: 'x#/inventory' }],
    ['an extra field', ipcEvent(APP_PAGE), { exerciseId: 'ex-1', url: 'https://x' }],
    ['no argument', ipcEvent(APP_PAGE), undefined],
  ])('refuses %s without opening anything', async (_name, event, arg) => {
    const { ipc, openParticipantWindow } = handlers();
    const reply = (await ipc.invoke(CHANNELS.exercisesOpenParticipant, event, arg)) as {
      ok: boolean;
    };
    expect(reply.ok).toBe(false);
    expect(openParticipantWindow).not.toHaveBeenCalled();
  });
});

type FakeWindow = ShellWindow & {
  options: unknown;
  urls: string[];
  shown: number;
  focused: number;
  closed: () => void;
  ready: () => void;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
};

function fakeFactory() {
  const made: FakeWindow[] = [];
  const factory = (options: unknown): FakeWindow => {
    const w: FakeWindow = {
      options,
      urls: [],
      shown: 0,
      focused: 0,
      closed: () => undefined,
      ready: () => undefined,
      webContents: { id: 100 + made.length },
      once(_e, l) {
        w.ready = l;
      },
      on(_e, l) {
        w.closed = l;
      },
      show() {
        w.shown++;
      },
      loadURL(url) {
        w.urls.push(url);
        return Promise.resolve();
      },
      isMinimized: () => false,
      restore: () => undefined,
      focus() {
        w.focused++;
      },
    };
    made.push(w);
    return w;
  };
  return { made, factory };
}

describe('participant window', () => {
  it('has the hardened preferences of the main window, without any preload', () => {
    const prefs = participantWindowOptions(false).webPreferences;
    const main = mainWindowOptions('/app/preload.cjs', false).webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs?.preload).toBeUndefined();
    expect({ ...prefs, preload: undefined }).toEqual({ ...main, preload: undefined });
  });

  it('loads the app at the participant route with the id encoded', () => {
    expect(participantUrl(APP_INDEX_URL, 'ex-1')).toBe(
      'app://bulwark/index.html#/participant/ex-1',
    );
    expect(participantUrl(APP_INDEX_URL, 'a b')).toBe(
      'app://bulwark/index.html#/participant/a%20b',
    );
  });

  it('opens one window per exercise and brings it forward on a second request', async () => {
    const { made, factory } = fakeFactory();
    const windows = createParticipantWindows(factory, {
      devTools: false,
      appIndexUrl: APP_INDEX_URL,
    });
    await windows.open('ex-1');
    await windows.open('ex-1');
    expect(made).toHaveLength(1);
    expect(made[0]?.urls).toEqual(['app://bulwark/index.html#/participant/ex-1']);
    expect(made[0]?.focused).toBe(1);
    made[0]?.ready();
    expect(made[0]?.shown).toBe(2);
    made[0]?.closed();
    await windows.open('ex-1');
    expect(made).toHaveLength(2);
  });
});
