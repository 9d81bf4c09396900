import {
  BULWARK_EXTENSION_ID,
  isRecord,
  type CacaoStep,
  type PlaybookExtension,
  type StepExtension,
} from './cacao-shared';
import { convertGeneric } from './cacao-generic';
import type { Issue } from './model';

// Turns a CACAO document whose graph is sound into a playbook value (validated by the
// caller). A Bulwark export is rebuilt from its extension; anything else is mapped from
// CACAO's own semantics by cacao-generic.ts.

type Extension = StepExtension | { readonly type: 'bulwark-track-end' };

function extensionOf(step: CacaoStep): Extension | undefined {
  const ext = isRecord(step.step_extensions)
    ? step.step_extensions[BULWARK_EXTENSION_ID]
    : undefined;
  if (!isRecord(ext)) return undefined;
  if (ext.type === 'bulwark-track-end') return { type: 'bulwark-track-end' };
  if (ext.type === 'bulwark' && isRecord(ext.step) && typeof ext.step.id === 'string')
    return ext as unknown as StepExtension;
  return undefined;
}

/** A playbook value from a CACAO document, and what could not be carried over. */
export function convertCacao(doc: Record<string, unknown>): {
  playbook: unknown;
  warnings: Issue[];
} {
  const workflow = doc.workflow as Record<string, CacaoStep>;
  const playbookExt = isRecord(doc.playbook_extensions)
    ? doc.playbook_extensions[BULWARK_EXTENSION_ID]
    : undefined;
  if (!isRecord(playbookExt) || playbookExt.type !== 'bulwark') return convertGeneric(doc);
  const missing = Object.entries(workflow).filter(([, s]) => s.type !== 'start' && !extensionOf(s));
  if (missing.length > 0) {
    const generic = convertGeneric(doc);
    generic.warnings.unshift({
      path: ['workflow', missing[0]?.[0] ?? ''],
      message: `Warning: ${missing.length} step(s) lack the Bulwark extension (edited elsewhere?); the playbook was imported from CACAO semantics, without Bulwark's phases, roles and SLAs.`,
    });
    return generic;
  }
  return {
    playbook: rebuild(doc, workflow, playbookExt as unknown as PlaybookExtension),
    warnings: [],
  };
}

function rebuild(
  doc: Record<string, unknown>,
  workflow: Record<string, CacaoStep>,
  ext: PlaybookExtension,
) {
  const resolve = (ref: unknown): string | undefined => {
    const target = typeof ref === 'string' ? workflow[ref] : undefined;
    const e = target ? extensionOf(target) : undefined;
    return e?.type === 'bulwark' ? e.step.id : undefined;
  };
  const phases = ext.phases.map((p) => ({ ...p, steps: [] as Record<string, unknown>[] }));
  const tracks = new Map<string, Record<string, unknown>[]>();
  for (const step of Object.values(workflow)) {
    const e = extensionOf(step);
    if (e?.type !== 'bulwark') continue;
    const body: Record<string, unknown> = { ...e.step };
    const next = (ref: unknown) => {
      const to = resolve(ref);
      return to === undefined ? {} : { next: to };
    };
    if (body.kind === 'task' || body.kind === 'notification' || body.kind === 'parallel')
      Object.assign(body, next(step.on_completion));
    if (body.kind === 'decision' && Array.isArray(body.options)) {
      const cases = isRecord(step.cases) ? step.cases : {};
      body.options = body.options.map((o: unknown) =>
        isRecord(o) ? { ...o, ...next(cases[String(o.id)]) } : o,
      );
    }
    if (body.kind === 'parallel' && Array.isArray(body.tracks))
      body.tracks = body.tracks.map((t: unknown) => {
        if (!isRecord(t)) return t;
        const steps: Record<string, unknown>[] = [];
        tracks.set(`${e.step.id}/${String(t.id)}`, steps);
        return { ...t, steps };
      });
    const container = e.parallel
      ? tracks.get(`${e.parallel}/${e.track ?? ''}`)
      : phases.find((p) => p.id === e.phase)?.steps;
    container?.push(body);
  }
  return {
    id: ext.id,
    title: doc.name,
    version: ext.version,
    summary: doc.description,
    appliesWhen: ext.appliesWhen,
    roles: ext.roles,
    phases,
  };
}
