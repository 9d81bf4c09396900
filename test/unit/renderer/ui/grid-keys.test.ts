import { describe, expect, it } from 'vitest';
import { gridKeyAction } from '../../../../renderer/ui/inventory/grid-keys';

const k = (key: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('gridKeyAction', () => {
  it('moves within the list and stops at its ends', () => {
    expect(gridKeyAction(k('ArrowDown'), 0, 10, 5)).toEqual({ kind: 'move', to: 1 });
    expect(gridKeyAction(k('ArrowUp'), 0, 10, 5)).toEqual({ kind: 'move', to: 0 });
    expect(gridKeyAction(k('PageDown'), 8, 10, 5)).toEqual({ kind: 'move', to: 9 });
    expect(gridKeyAction(k('End'), 0, 10, 5)).toEqual({ kind: 'move', to: 9 });
    expect(gridKeyAction(k('Home'), 7, 10, 5)).toEqual({ kind: 'move', to: 0 });
  });

  it('opens with Enter and asks to delete with Delete or Cmd+Backspace', () => {
    expect(gridKeyAction(k('Enter'), 3, 10, 5)).toEqual({ kind: 'open' });
    expect(gridKeyAction(k('Enter', { ctrlKey: true }), 3, 10, 5)).toBeNull();
    expect(gridKeyAction(k('Delete'), 3, 10, 5)).toEqual({ kind: 'delete' });
    expect(gridKeyAction(k('Backspace', { metaKey: true }), 3, 10, 5)).toEqual({ kind: 'delete' });
    expect(gridKeyAction(k('Backspace'), 3, 10, 5)).toBeNull();
  });

  it('does nothing in an empty list', () => {
    expect(gridKeyAction(k('ArrowDown'), 0, 0, 5)).toBeNull();
  });
});
