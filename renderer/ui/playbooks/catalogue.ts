import { useMemo } from 'react';
import {
  BUILTIN_PLAYBOOK_SOURCES,
  builtinPlaybooks,
  countSteps,
  playbookToYaml,
  validatePlaybook,
  type Playbook,
  type PlaybookError,
} from '../../../core/playbooks';
import type { UserPlaybookRecord } from '../../../core/workspace/records';
import { useUserPlaybook, useUserPlaybooks } from '../../storage/hooks-playbooks';

/** One playbook as the area lists it: built in (read-only) or stored by the person. */
export type CatalogueEntry = {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly builtin: boolean;
  readonly source: string;
  readonly fileName: string;
  /** The validated playbook; null when a stored source no longer validates. */
  readonly playbook: Playbook | null;
  readonly errors: readonly PlaybookError[];
  readonly record?: UserPlaybookRecord;
};

let builtinCache: readonly CatalogueEntry[] | undefined;

/** The built-in playbooks with their sources (validated once). */
export function builtinEntries(): readonly CatalogueEntry[] {
  if (builtinCache) return builtinCache;
  const playbooks = builtinPlaybooks();
  builtinCache = playbooks.map((playbook, i) => ({
    id: playbook.id,
    title: playbook.title,
    version: playbook.version,
    builtin: true,
    source: BUILTIN_PLAYBOOK_SOURCES[i]?.text ?? playbookToYaml(playbook),
    fileName: BUILTIN_PLAYBOOK_SOURCES[i]?.fileName ?? `${playbook.id}.yaml`,
    playbook,
    errors: [],
  }));
  return builtinCache;
}

/** A stored playbook, its source validated again: the source is the truth. */
export function userEntry(record: UserPlaybookRecord): CatalogueEntry {
  const fileName = `${record.id}.yaml`;
  const checked = validatePlaybook(record.source, fileName);
  return {
    id: record.id,
    title: record.title,
    version: record.version,
    builtin: false,
    source: record.source,
    fileName,
    playbook: checked.ok ? checked.playbook : null,
    errors: checked.ok ? [] : checked.errors,
    record,
  };
}

/** Built-in then user playbooks, kept current; undefined while the user ones load. */
export function useCatalogue(): readonly CatalogueEntry[] | undefined {
  const records = useUserPlaybooks();
  return useMemo(
    () => (records === undefined ? undefined : [...builtinEntries(), ...records.map(userEntry)]),
    [records],
  );
}

/** The figures a list row shows. */
export function entryFigures(entry: CatalogueEntry): {
  readonly owasp: readonly string[];
  readonly steps: number;
  readonly phases: readonly string[];
} {
  const p = entry.playbook;
  return p
    ? { owasp: p.appliesWhen.owasp, steps: countSteps(p), phases: p.phases.map((x) => x.title) }
    : { owasp: [], steps: 0, phases: [] };
}

/** True when the search (case-insensitive) occurs in the title, id, OWASP ids or signals. */
export function matchesSearch(entry: CatalogueEntry, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (q === '') return true;
  const p = entry.playbook;
  const hay = [
    entry.title,
    entry.id,
    ...(p?.appliesWhen.owasp ?? []),
    ...(p?.appliesWhen.signals ?? []),
  ];
  return hay.some((s) => s.toLowerCase().includes(q));
}

/** A free id for a copy: `<id>-copy`, then `<id>-copy-2`, … */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  const base = `${id.replace(/-copy(?:-\d+)?$/, '')}-copy`.slice(0, 90);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${String(n)}`)) return `${base}-${String(n)}`;
}

/** The YAML of a copy of a playbook under a new id, its title suffixed " (copy)". */
export function duplicateSource(playbook: Playbook, taken: ReadonlySet<string>): string {
  return playbookToYaml({
    ...playbook,
    id: copyId(playbook.id, taken),
    title: `${playbook.title} (copy)`,
  });
}

/** A starting point for a new playbook: the smallest file that validates. */
export const NEW_PLAYBOOK_SOURCE = `id: my-playbook
title: My playbook
version: 0.1.0
summary: What this playbook is for.
appliesWhen:
  owasp: []
  signals: []
roles:
  - id: incident-commander
    title: Incident commander
    description: Runs the response.
phases:
  - id: identify
    title: Identify
    nist: detect
    picerl: identification
    steps:
      - id: triage
        kind: task
        title: Triage the report
        tasks:
          - id: confirm
            text: Confirm the report is real
            owner: incident-commander
        next: done
      - id: done
        kind: end
        title: Done
        outcome: resolved
`;

/** One playbook by id: built-in first; undefined while loading, null when there is none. */
export function useCatalogueEntry(id: string): CatalogueEntry | null | undefined {
  const builtin = builtinEntries().find((e) => e.id === id);
  const record = useUserPlaybook(id);
  return useMemo(() => {
    if (builtin) return builtin;
    if (record === undefined) return undefined;
    return record === null ? null : userEntry(record);
  }, [builtin, record]);
}

/** The element id of a step's card (diagram clicks scroll there). */
export function stepAnchor(stepId: string): string {
  return `playbook-step-${stepId}`;
}
