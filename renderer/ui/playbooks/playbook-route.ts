// The playbooks area's part of the URL hash, kept here so lib/route.ts only delegates:
// `#/playbooks`, `#/playbooks/new`, `#/playbooks/view/<id>`, `#/playbooks/edit/<id>`,
// `#/playbooks/duplicate/<id>` (the editor on a copy of a playbook).

/** What the playbooks area shows. */
export type PlaybooksView =
  | { readonly kind: 'list' }
  | { readonly kind: 'new' }
  | { readonly kind: 'view'; readonly id: string }
  | { readonly kind: 'edit'; readonly id: string }
  | { readonly kind: 'duplicate'; readonly id: string };

const LIST: PlaybooksView = { kind: 'list' };

/** Reads the parts after `#/playbooks/`; anything unknown is the list. */
export function parsePlaybooksView(parts: readonly string[]): PlaybooksView {
  const [first, second, ...rest] = parts;
  if (rest.length > 0 || first === undefined) return LIST;
  if (first === 'new') return second === undefined ? { kind: 'new' } : LIST;
  if ((first === 'view' || first === 'edit' || first === 'duplicate') && second !== undefined) {
    try {
      return { kind: first, id: decodeURIComponent(second) };
    } catch {
      return LIST;
    }
  }
  return LIST;
}

/** The hash of a view; ids are encoded so no id can smuggle in another path. */
export function formatPlaybooksView(view: PlaybooksView): string {
  if (view.kind === 'list') return '#/playbooks';
  if (view.kind === 'new') return '#/playbooks/new';
  return `#/playbooks/${view.kind}/${encodeURIComponent(view.id)}`;
}
