import { describe, expect, it, vi } from 'vitest';
import {
  exercisesOpenParticipantRequest,
  MENU_EVENT,
  filesOpenRequest,
  filesSaveRequest,
  reportsPrintToPdfRequest,
  type AppInfo,
  type BulwarkBridge,
  type OpenResult,
  type Result,
  type SaveResult,
} from '../../../../electron/contract';
import { createDesktopPlatform } from '../../../../renderer/platform/desktop';
import { dispatchMenuCommand } from '../../../../renderer/platform/menu-events';
import { PlatformError, type MenuCommand } from '../../../../renderer/platform/types';

const INFO: AppInfo = {
  name: 'Bulwark',
  version: '0.1.0',
  electron: '45',
  chrome: '140',
  node: '22',
  platform: 'linux',
};

function fakeBridge(
  replies: {
    save?: Result<SaveResult>;
    open?: Result<OpenResult>;
    print?: Result<SaveResult>;
    info?: Result<AppInfo>;
  } = {},
) {
  return {
    files: {
      save: vi.fn<BulwarkBridge['files']['save']>(() =>
        Promise.resolve(replies.save ?? { ok: true, value: { saved: true, fileName: 'x.json' } }),
      ),
      open: vi.fn<BulwarkBridge['files']['open']>(() =>
        Promise.resolve(replies.open ?? { ok: true, value: { canceled: true } }),
      ),
    },
    reports: {
      printToPdf: vi.fn<BulwarkBridge['reports']['printToPdf']>(() =>
        Promise.resolve(replies.print ?? { ok: true, value: { saved: false } }),
      ),
    },
    app: {
      info: vi.fn<BulwarkBridge['app']['info']>(() =>
        Promise.resolve(replies.info ?? { ok: true, value: INFO }),
      ),
    },
    exercises: {
      openParticipant: vi.fn<BulwarkBridge['exercises']['openParticipant']>(() =>
        Promise.resolve({ ok: true, value: null }),
      ),
    },
  } satisfies BulwarkBridge;
}

const FILTERS = [{ name: 'JSON', extensions: ['json'] }];

describe('desktop platform requests', () => {
  it('sends save, open and print requests the contract schemas accept', async () => {
    const bridge = fakeBridge();
    const platform = createDesktopPlatform(bridge, new EventTarget());
    await platform.saveFile({
      suggestedName: 'b.json',
      content: '{}',
      mimeType: 'application/json',
      filters: FILTERS,
    });
    await platform.openFile({ filters: FILTERS });
    await platform.openFile({ title: 'Restore', filters: FILTERS, maxBytes: 10 });
    await platform.printToPdf({ suggestedName: 'r.pdf', html: '<p>x</p>' });
    await platform.printToPdf({ suggestedName: 'r.pdf', html: '<p>x</p>', landscape: true });
    // The main process parses with these strict schemas: an extra key (mimeType, maxBytes) would be refused.
    for (const [request] of bridge.files.save.mock.calls)
      expect(() => filesSaveRequest.parse(request)).not.toThrow();
    for (const [request] of bridge.files.open.mock.calls)
      expect(() => filesOpenRequest.parse(request)).not.toThrow();
    for (const [request] of bridge.reports.printToPdf.mock.calls)
      expect(() => reportsPrintToPdfRequest.parse(request)).not.toThrow();
    expect(bridge.files.open.mock.calls[1]?.[0]).toEqual({ title: 'Restore', filters: FILTERS });
  });

  it('asks main for the participant window with the exercise id only', async () => {
    const bridge = fakeBridge();
    const platform = createDesktopPlatform(bridge, new EventTarget());
    await platform.openParticipantWindow?.('ex-1');
    expect(bridge.exercises.openParticipant.mock.calls).toEqual([[{ exerciseId: 'ex-1' }]]);
    expect(exercisesOpenParticipantRequest.safeParse({ exerciseId: 'ex-1' }).success).toBe(true);
  });

  it('returns the values of successful replies', async () => {
    const platform = createDesktopPlatform(
      fakeBridge({
        open: { ok: true, value: { canceled: false, fileName: 'b.json', content: '{"a":1}' } },
      }),
      new EventTarget(),
    );
    await expect(
      platform.saveFile({ suggestedName: 'b.json', content: '', mimeType: 'x', filters: FILTERS }),
    ).resolves.toEqual({ saved: true, fileName: 'x.json' });
    await expect(platform.openFile({ filters: FILTERS })).resolves.toEqual({
      fileName: 'b.json',
      content: '{"a":1}',
    });
    await expect(platform.appInfo()).resolves.toEqual(INFO);
    expect(platform.kind).toBe('desktop');
  });

  it('resolves null when the open dialog is cancelled', async () => {
    const platform = createDesktopPlatform(fakeBridge(), new EventTarget());
    await expect(platform.openFile({ filters: FILTERS })).resolves.toBeNull();
  });

  it("refuses an opened file over the caller's maxBytes", async () => {
    const platform = createDesktopPlatform(
      fakeBridge({
        open: {
          ok: true,
          value: { canceled: false, fileName: 'big.json', content: 'x'.repeat(2048) },
        },
      }),
      new EventTarget(),
    );
    await expect(platform.openFile({ filters: FILTERS, maxBytes: 1024 })).rejects.toThrow(
      new PlatformError('big.json is larger than 1.0 KB; choose a smaller file.'),
    );
  });
});

describe('desktop platform errors', () => {
  const failure = { ok: false as const, error: 'The disk is read-only.' };

  it.each([
    [
      'saveFile',
      (p: ReturnType<typeof createDesktopPlatform>) =>
        p.saveFile({ suggestedName: 'a', content: '', mimeType: 'x', filters: [] }),
    ],
    ['openFile', (p: ReturnType<typeof createDesktopPlatform>) => p.openFile({ filters: [] })],
    [
      'printToPdf',
      (p: ReturnType<typeof createDesktopPlatform>) =>
        p.printToPdf({ suggestedName: 'a', html: '' }),
    ],
    ['appInfo', (p: ReturnType<typeof createDesktopPlatform>) => p.appInfo()],
  ])(
    '%s turns { ok: false, error } into a PlatformError with that message',
    async (_name, call) => {
      const platform = createDesktopPlatform(
        fakeBridge({ save: failure, open: failure, print: failure, info: failure }),
        new EventTarget(),
      );
      const error: unknown = await call(platform).then(
        () => 'resolved',
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PlatformError);
      expect(error).toMatchObject({ name: 'PlatformError', message: 'The disk is read-only.' });
    },
  );

  it('turns a failed invoke (no handler in main) into a PlatformError too', async () => {
    const bridge = fakeBridge();
    bridge.app.info.mockRejectedValueOnce(new Error("No handler registered for 'app:info'"));
    const error: unknown = await createDesktopPlatform(bridge, new EventTarget())
      .appInfo()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({
      message: expect.stringContaining('No handler registered') as string,
    });
  });
});

describe('desktop menu commands', () => {
  it('delivers known commands dispatched as the menu event, until unsubscribed', () => {
    const target = new EventTarget();
    const seen: MenuCommand[] = [];
    const unsubscribe = createDesktopPlatform(fakeBridge(), target).onMenuCommand((c) =>
      seen.push(c),
    );
    target.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: 'file.backup' }));
    dispatchMenuCommand('help.about', target);
    unsubscribe();
    dispatchMenuCommand('file.new', target);
    expect(seen).toEqual(['file.backup', 'help.about']);
  });

  it('ignores unknown commands and events that carry no detail', () => {
    const target = new EventTarget();
    const listener = vi.fn();
    createDesktopPlatform(fakeBridge(), target).onMenuCommand(listener);
    target.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: 'shell.exec' }));
    target.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: { command: 'file.new' } }));
    target.dispatchEvent(new Event(MENU_EVENT));
    expect(listener).not.toHaveBeenCalled();
  });
});
