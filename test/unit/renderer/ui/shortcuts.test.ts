import { describe, expect, it } from 'vitest';
import {
  describeKeys,
  NO_SEQUENCE,
  resolveShortcut,
  SEQUENCE_TIMEOUT_MS,
  strokeOf,
  type KeyStroke,
} from '../../../../renderer/ui/lib/shortcuts';

const key = (k: string, mods: Partial<KeyStroke> = {}): KeyStroke => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('strokeOf', () => {
  it('reads Ctrl and Cmd both as Mod', () => {
    expect(strokeOf(key('k', { ctrlKey: true }))).toBe('Mod+k');
    expect(strokeOf(key('K', { metaKey: true }))).toBe('Mod+k');
  });

  it('leaves Shift out of punctuation that needs it', () => {
    expect(strokeOf(key('?', { shiftKey: true }))).toBe('?');
    expect(strokeOf(key('P', { ctrlKey: true, shiftKey: true }))).toBe('Mod+Shift+p');
  });
});

describe('resolveShortcut', () => {
  it('runs single-key shortcuts when the person is not typing', () => {
    expect(resolveShortcut(key('n'), false, NO_SEQUENCE, 0).command).toBe('api.new');
    expect(resolveShortcut(key('/'), false, NO_SEQUENCE, 0).command).toBe('search.focus');
    expect(resolveShortcut(key('?', { shiftKey: true }), false, NO_SEQUENCE, 0).command).toBe(
      'help.shortcuts',
    );
  });

  it('stays silent for single keys while typing in a field', () => {
    const r = resolveShortcut(key('n'), true, NO_SEQUENCE, 0);
    expect(r.command).toBeNull();
    expect(r.consumed).toBe(false);
  });

  it('still opens the palette and toggles presentation while typing', () => {
    expect(resolveShortcut(key('k', { ctrlKey: true }), true, NO_SEQUENCE, 0).command).toBe(
      'palette.open',
    );
    expect(resolveShortcut(key('F5'), true, NO_SEQUENCE, 0).command).toBe('view.presentation');
    expect(
      resolveShortcut(key('P', { metaKey: true, shiftKey: true }), true, NO_SEQUENCE, 0).command,
    ).toBe('view.presentation');
  });

  it('completes "g i" and "g w" within the timeout', () => {
    const first = resolveShortcut(key('g'), false, NO_SEQUENCE, 1000);
    expect(first.command).toBeNull();
    expect(first.consumed).toBe(true);
    expect(resolveShortcut(key('i'), false, first.state, 1500).command).toBe('go.inventory');
    expect(resolveShortcut(key('w'), false, first.state, 1500).command).toBe('go.workspace');
  });

  it('forgets a pending "g" after the timeout', () => {
    const first = resolveShortcut(key('g'), false, NO_SEQUENCE, 0);
    expect(
      resolveShortcut(key('i'), false, first.state, SEQUENCE_TIMEOUT_MS + 1).command,
    ).toBeNull();
  });

  it('lets an unrelated key pass untouched', () => {
    expect(resolveShortcut(key('x'), false, NO_SEQUENCE, 0)).toEqual({
      command: null,
      state: NO_SEQUENCE,
      consumed: false,
    });
  });
});

describe('describeKeys', () => {
  it('names keys for the platform', () => {
    expect(describeKeys('Mod+k', false)).toEqual(['Ctrl K']);
    expect(describeKeys('Mod+k', true)).toEqual(['⌘ K']);
    expect(describeKeys('g i', false)).toEqual(['G', 'I']);
    expect(describeKeys('ArrowUp', false)).toEqual(['↑']);
  });
});
