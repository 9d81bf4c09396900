import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyMatch } from '../../../../renderer/ui/lib/fuzzy';

describe('fuzzyMatch', () => {
  it('matches the query characters in order, ignoring case and spaces', () => {
    expect(fuzzyMatch('ex b', 'Export backup')).not.toBeNull();
    expect(fuzzyMatch('BKP', 'back up workspace')).not.toBeNull();
  });

  it('refuses a query with a character the text lacks or out of order', () => {
    expect(fuzzyMatch('xyz', 'Export backup')).toBeNull();
    expect(fuzzyMatch('pb', 'back up')).toBeNull();
  });

  it('ranks word starts and runs above scattered letters', () => {
    const words = fuzzyMatch('tt', 'Toggle theme');
    const scattered = fuzzyMatch('tt', 'Shortcuts');
    expect(words?.score).toBeGreaterThan(scattered?.score ?? Infinity);
  });
});

describe('fuzzyFilter', () => {
  const items = [
    'New API',
    'Go to Inventory',
    'Go to Workspace',
    'Back up workspace',
    'Toggle theme',
  ];

  it('keeps every item in order for an empty query', () => {
    expect(fuzzyFilter(items, '  ', (s) => [s])).toEqual(items);
  });

  it('puts the best match first', () => {
    expect(fuzzyFilter(items, 'inv', (s) => [s])[0]).toBe('Go to Inventory');
    expect(fuzzyFilter(items, 'back', (s) => [s])[0]).toBe('Back up workspace');
  });

  it('matches keywords as well as the label', () => {
    const found = fuzzyFilter(
      [{ label: 'Back up workspace', keywords: ['export'] }],
      'export',
      (c) => [c.label, ...c.keywords],
    );
    expect(found).toHaveLength(1);
  });
});
