import {
  importCacao,
  playbookToYaml,
  validatePlaybook,
  type Playbook,
  type PlaybookError,
} from '../../../../core/playbooks';
import { MAX_PLAYBOOK_SOURCE } from '../../../../core/workspace/records';
import { copyId } from '../catalogue';

/** What an import file gave: a playbook to preview (with warnings), or errors. */
export type ImportOutcome =
  | {
      readonly ok: true;
      readonly fileName: string;
      readonly playbook: Playbook;
      /** The original text for a YAML file (comments kept); null for CACAO. */
      readonly source: string | null;
      readonly warnings: readonly PlaybookError[];
    }
  | { readonly ok: false; readonly fileName: string; readonly errors: readonly PlaybookError[] };

export type ImportKind = 'cacao' | 'yaml';

/** Reads an import file with core: CACAO leniently (warnings), YAML strictly. */
export function readImport(kind: ImportKind, text: string, fileName: string): ImportOutcome {
  if (kind === 'cacao') {
    const r = importCacao(text, fileName);
    return r.ok
      ? { ok: true, fileName, playbook: r.playbook, source: null, warnings: r.warnings }
      : { ok: false, fileName, errors: r.errors };
  }
  const r = validatePlaybook(text, fileName);
  return r.ok
    ? { ok: true, fileName, playbook: r.playbook, source: text, warnings: [] }
    : { ok: false, fileName, errors: r.errors };
}

/** The source to store: under a free id (and titled as a copy) when the id is taken. */
export function sourceToStore(
  outcome: Extract<ImportOutcome, { ok: true }>,
  taken: ReadonlySet<string>,
): { readonly id: string; readonly source: string } {
  const { playbook } = outcome;
  if (!taken.has(playbook.id))
    return { id: playbook.id, source: outcome.source ?? playbookToYaml(playbook) };
  const id = copyId(playbook.id, taken);
  return { id, source: playbookToYaml({ ...playbook, id, title: `${playbook.title} (copy)` }) };
}

/** An error as one line: "file, line L, column C — path — message". */
export function describeError(e: PlaybookError): string {
  const place = `line ${String(e.line)}, column ${String(e.column)}`;
  return `${e.file}, ${place} — ${e.path === '' ? '(file)' : e.path} — ${e.message}`;
}

/** The largest import file read (the stored source limit, with room for CACAO's verbosity). */
export const MAX_IMPORT_BYTES = MAX_PLAYBOOK_SOURCE * 4;
