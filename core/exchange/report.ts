import { newElement } from '../threats/factory';
import type { Element } from '../threats/model';
import type { ExchangeNote } from './types';
import { note } from './types';

// The "not carried" list of an export, grouped so a model with 70 rules on 20 elements
// gives a handful of readable lines rather than hundreds.

export class Carried {
  private readonly groups = new Map<string, string[]>();

  /** Records that `example` (a name, an id) of `category` could not be carried. */
  add(category: string, example: string): void {
    const list = this.groups.get(category) ?? [];
    const seen = this.seen.get(category) ?? new Set<string>();
    if (!seen.has(example)) {
      seen.add(example);
      list.push(example);
    }
    this.groups.set(category, list);
    this.seen.set(category, seen);
  }

  private readonly seen = new Map<string, Set<string>>();

  private readonly lines: string[] = [];

  /** Records a note that needs no examples. */
  plain(message: string): void {
    this.lines.push(message);
  }

  notes(): ExchangeNote[] {
    const plain = this.lines.map((m) => note(m));
    return [
      ...plain,
      ...[...this.groups].map(([category, examples]) => {
        const shown = examples.slice(0, 6).join(', ');
        const more = examples.length > 6 ? ` and ${examples.length - 6} more` : '';
        return note(`${category} (${examples.length}): ${shown}${more}.`);
      }),
    ];
  }
}

const BASE = new Set([
  'kind',
  'id',
  'name',
  'description',
  'outOfScope',
  'outOfScopeReason',
  'tags',
  'layout',
]);

const BLANKS = new Map<string, Record<string, unknown>>();

/** A new element's defaults for a kind (computed once per kind). */
function blankOf(kind: Element['kind']): Record<string, unknown> {
  let blank = BLANKS.get(kind);
  if (!blank) {
    const ends = kind === 'data-flow' ? { source: 'a', target: 'b' } : {};
    blank = newElement(kind, 'x', 'x', ends as Partial<Omit<Element, 'kind' | 'id'>>);
    BLANKS.set(kind, blank);
  }
  return blank;
}

const ENDS = new Set(['source', 'target']);

/** The element's properties that differ from a new element's defaults, minus `carried`. */
export function recordedProperties(e: Element, carried: ReadonlySet<string>): string[] {
  const blank = blankOf(e.kind);
  const own = e as unknown as Record<string, unknown>;
  return Object.keys(own).filter(
    (k) =>
      !BASE.has(k) &&
      !ENDS.has(k) &&
      !carried.has(k) &&
      JSON.stringify(own[k]) !== JSON.stringify(blank[k]),
  );
}
