import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHANNELS, MAX_PAYLOAD_CHARS } from '../../../electron/contract';
import { registerAppHandlers } from '../../../electron/main/ipc/app';
import { registerExerciseHandlers } from '../../../electron/main/ipc/exercises';
import { registerFilesHandlers } from '../../../electron/main/ipc/files';
import { registerReportsHandlers, type PrintWindow } from '../../../electron/main/ipc/reports';
import {
  UserFacingError,
  isTrustedSender,
  secureHandler,
} from '../../../electron/main/ipc/secure-handler';
import { createPrintJobs } from '../../../electron/main/print-protocol';
import { FakeDialogs, FakeFileSystem, FakeIpc, TRUSTED_ID, ipcEvent } from './fakes';

const trusted = new Set([TRUSTED_ID]);
const APP_PAGE = 'app://bulwark/index.html';

// A full set of handlers over fakes, with spies on the services' first Electron calls:
// a refused call must not reach the dialogs, the file system or a print window.
function setup(): {
  ipc: FakeIpc;
  dialogs: FakeDialogs;
  fs: FakeFileSystem;
  createPrintWindow: ReturnType<typeof vi.fn<() => PrintWindow>>;
} {
  const ipc = new FakeIpc();
  const dialogs = new FakeDialogs();
  const fs = new FakeFileSystem();
  const filesDeps = { dialogs, fs, defaultDirectory: () => '/home/user/Documents' };
  const createPrintWindow = vi.fn<() => PrintWindow>(() => ({
    loadURL: () => Promise.resolve(),
    webContents: { printToPDF: () => Promise.resolve(new Uint8Array([37, 80, 68, 70])) },
    destroy: () => undefined,
    isDestroyed: () => false,
  }));
  registerFilesHandlers(ipc, filesDeps, trusted);
  registerReportsHandlers(
    ipc,
    { ...filesDeps, createPrintWindow, printJobs: createPrintJobs(() => 'id') },
    trusted,
  );
  registerAppHandlers(
    ipc,
    { name: 'Bulwark', version: '0.1.0', versions: { electron: '45.4.1' }, platform: 'linux' },
    trusted,
  );
  registerExerciseHandlers(ipc, { openParticipantWindow: () => Promise.resolve() }, trusted);
  return { ipc, dialogs, fs, createPrintWindow };
}

const VALID: Record<string, unknown> = {
  [CHANNELS.filesSave]: {
    suggestedName: 'workspace.json',
    content: '{}',
    filters: [{ name: 'JSON', extensions: ['json'] }],
  },
  [CHANNELS.filesOpen]: { filters: [{ name: 'OpenAPI', extensions: ['yaml', 'json'] }] },
  [CHANNELS.reportsPrintToPdf]: { suggestedName: 'report', html: '<h1>Report</h1>' },
  [CHANNELS.appInfo]: {},
  [CHANNELS.exercisesOpenParticipant]: { exerciseId: 'ex-1' },
};

const FOREIGN_SENDERS = [
  ['a remote page', ipcEvent('https://evil.example/')],
  ['a file:// page', ipcEvent('file:///etc/passwd')],
  ['a destroyed or navigated frame (null)', ipcEvent(null)],
  ['another app:// host', ipcEvent('app://other-host/index.html')],
  ['the print host', ipcEvent('app://bulwark-print/id.html')],
  ['app:// with credentials', ipcEvent('app://evil@bulwark/index.html')],
  ['a data: URL', ipcEvent('data:text/html,hi')],
  ['an iframe inside the app', ipcEvent(APP_PAGE, { parent: { url: APP_PAGE } })],
  ['a window we did not create', ipcEvent(APP_PAGE, { senderId: 99 })],
] as const;

describe('IPC sender check', () => {
  describe.each(Object.values(CHANNELS))('%s', (channel) => {
    it.each(FOREIGN_SENDERS)('refuses %s without calling the service', async (_name, event) => {
      const { ipc, dialogs, createPrintWindow } = setup();
      const reply = await ipc.invoke(channel, event, VALID[channel]);
      expect(reply).toEqual({
        ok: false,
        error: expect.stringMatching(/untrusted sender/) as unknown,
      });
      expect(dialogs.saveOptions).toHaveLength(0);
      expect(dialogs.openOptions).toHaveLength(0);
      expect(createPrintWindow).not.toHaveBeenCalled();
    });

    it('accepts the main frame of our window on app://bulwark', async () => {
      const { ipc } = setup();
      const reply = await ipc.invoke(channel, ipcEvent(APP_PAGE), VALID[channel]);
      expect(reply).toMatchObject({ ok: true });
    });
  });

  it('checks the sender before looking at the argument', () => {
    expect(isTrustedSender(ipcEvent(APP_PAGE), trusted)).toBe(true);
    expect(isTrustedSender(ipcEvent('app://bulwark:1/'), trusted)).toBe(false);
  });
});

const huge = 'x'.repeat(MAX_PAYLOAD_CHARS + 1);
const MALFORMED: [string, string, unknown][] = [
  ['files:save', 'no argument', undefined],
  ['files:save', 'a string', 'workspace.json'],
  ['files:save', 'an array', [VALID[CHANNELS.filesSave]]],
  [
    'files:save',
    'a path-like name ../../x',
    { suggestedName: '../../x', content: '', filters: [] },
  ],
  ['files:save', 'an absolute path', { suggestedName: '/etc/passwd', content: '', filters: [] }],
  ['files:save', 'a Windows path', { suggestedName: 'C:\\Windows\\x', content: '', filters: [] }],
  ['files:save', 'a name of ..', { suggestedName: '..', content: '', filters: [] }],
  ['files:save', 'a NUL in the name', { suggestedName: 'a\u0000.json', content: '', filters: [] }],
  ['files:save', 'an empty name', { suggestedName: '', content: '', filters: [] }],
  ['files:save', 'a 300-char name', { suggestedName: 'a'.repeat(300), content: '', filters: [] }],
  [
    'files:save',
    'content of the wrong type',
    { suggestedName: 'a.json', content: 42, filters: [] },
  ],
  [
    'files:save',
    'content over the payload limit',
    { suggestedName: 'a.json', content: huge, filters: [] },
  ],
  [
    'files:save',
    'an extra key (a path)',
    { suggestedName: 'a.json', content: '', filters: [], path: '/etc/passwd' },
  ],
  [
    'files:save',
    'a hostile filter extension',
    { suggestedName: 'a.json', content: '', filters: [{ name: 'x', extensions: ['../sh'] }] },
  ],
  [
    'files:save',
    'too many filters',
    {
      suggestedName: 'a.json',
      content: '',
      filters: Array.from({ length: 11 }, () => ({ name: 'x', extensions: ['x'] })),
    },
  ],
  ['files:open', 'filters missing', {}],
  ['files:open', 'a title of the wrong type', { title: 1, filters: [] }],
  ['files:open', 'a huge title', { title: 'x'.repeat(10_000), filters: [] }],
  ['files:open', 'a defaultPath smuggled in', { filters: [], defaultPath: '/etc' }],
  ['reports:printToPdf', 'html missing', { suggestedName: 'r.pdf' }],
  [
    'reports:printToPdf',
    'landscape as a string',
    { suggestedName: 'r.pdf', html: '', landscape: 'yes' },
  ],
  ['reports:printToPdf', 'a path-like name', { suggestedName: '../../r.pdf', html: '' }],
  ['reports:printToPdf', 'html over the payload limit', { suggestedName: 'r.pdf', html: huge }],
  ['app:info', 'an extra key', { x: 1 }],
  ['app:info', 'null', null],
];

describe('IPC argument check', () => {
  it.each(MALFORMED)('%s refuses %s without calling the service', async (channel, _name, arg) => {
    const { ipc, dialogs, createPrintWindow } = setup();
    const reply = (await ipc.invoke(channel, ipcEvent(APP_PAGE), arg)) as {
      ok: boolean;
      error?: string;
    };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/^Invalid request/);
    expect(reply.error?.length).toBeLessThanOrEqual(200);
    expect(dialogs.saveOptions).toHaveLength(0);
    expect(dialogs.openOptions).toHaveLength(0);
    expect(createPrintWindow).not.toHaveBeenCalled();
  });

  it('never echoes the rejected value back', async () => {
    const { ipc } = setup();
    const reply = (await ipc.invoke(CHANNELS.filesSave, ipcEvent(APP_PAGE), {
      suggestedName: '<script>secret',
      content: 1,
      filters: [],
    })) as { error: string };
    expect(reply.error).not.toContain('secret');
  });
});

describe('secureHandler', () => {
  const schema = z.strictObject({ n: z.number() });
  const ok = ipcEvent(APP_PAGE);

  it('passes the parsed argument to the service and wraps its value', async () => {
    const service = vi.fn((req: { n: number }) => Promise.resolve(req.n * 2));
    expect(await secureHandler(schema, service, trusted)(ok, { n: 21 })).toEqual({
      ok: true,
      value: 42,
    });
    expect(service).toHaveBeenCalledWith({ n: 21 });
  });

  it('turns a thrown error into a generic message, keeping paths and stacks in main', async () => {
    const log = vi.fn();
    const failing = secureHandler(
      schema,
      () => Promise.reject(new Error('EACCES: /home/user/secret at Object.<anonymous>')),
      trusted,
      log,
    );
    const reply = await failing(ok, { n: 1 });
    expect(reply).toEqual({ ok: false, error: 'The operation failed.' });
    expect(log).toHaveBeenCalledOnce();
  });

  it('passes the message of a UserFacingError through', async () => {
    const failing = secureHandler(
      schema,
      () => Promise.reject(new UserFacingError('Too big.')),
      trusted,
    );
    expect(await failing(ok, { n: 1 })).toEqual({ ok: false, error: 'Too big.' });
  });

  it('never throws, even when reading the event throws', async () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
      sender: { id: TRUSTED_ID },
    };
    await expect(
      secureHandler(schema, () => Promise.resolve(1), trusted)(event, { n: 1 }),
    ).resolves.toMatchObject({ ok: false });
  });

  it('answers app:info with names and versions only', async () => {
    const { ipc } = setup();
    expect(await ipc.invoke(CHANNELS.appInfo, ipcEvent(APP_PAGE), {})).toEqual({
      ok: true,
      value: {
        name: 'Bulwark',
        version: '0.1.0',
        electron: '45.4.1',
        chrome: 'unknown',
        node: 'unknown',
        platform: 'linux',
      },
    });
  });
});
