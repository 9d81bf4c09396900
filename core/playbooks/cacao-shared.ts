import type { Playbook, Step } from './types';

// OASIS CACAO Security Playbooks 2.0 as Bulwark exchanges it. How a playbook maps:
//
//   playbook title, summary       → name, description; OWASP ids → labels
//   roles                         → agent_definitions, one `group--…` per role
//   first step                    → a `start` step whose on_completion is that step
//   task                          → `action`, one `manual` command per checklist item;
//                                   agent = the step's owner role (else the first task's)
//   notification                  → `action`, one `manual` command per template and task
//   decision                      → `switch-condition` on a `__bulwark_decision_N__`
//                                   variable (playbook_variables), one case per option
//   parallel                      → `parallel`; next_steps = the first step of each track;
//                                   a track's last steps lead to a generated `end` step
//                                   (CACAO branches end in end steps); on_completion = next
//   end                           → `end`
//   next (any step)               → on_completion / cases
//
// Everything else (id, version, phases with their CSF 2.0 and PICERL tags, step kinds,
// owners, SLAs and escalations, task ids, owners, required flags and evidence, option
// labels, templates and audiences, clocks, outcomes, track membership) travels in the
// Bulwark extension: `playbook_extensions` and `step_extensions` keyed by
// BULWARK_EXTENSION_ID, declared in `extension_definitions`. An import that finds the
// extension rebuilds the playbook exactly; without it, it maps CACAO's own semantics.

/** The Bulwark CACAO extension's identifier (constant: it names the extension, not a file). */
export const BULWARK_EXTENSION_ID = 'extension-definition--2c6d3b0e-7f41-4a8e-9b57-0d3f6c1e8a92';

/** The extension definition written into every export. */
export const BULWARK_EXTENSION_NAME = 'Bulwark incident playbook';
/** Where the extension's schema is documented (a name, not fetched). */
export const BULWARK_EXTENSION_SCHEMA =
  'https://bulwark.invalid/schemas/cacao/bulwark-playbook-1.0.json';

/** What the playbook-level extension carries. */
export type PlaybookExtension = {
  readonly type: 'bulwark';
  readonly id: string;
  readonly version: string;
  readonly appliesWhen: Playbook['appliesWhen'];
  readonly roles: Playbook['roles'];
  readonly phases: readonly {
    readonly id: string;
    readonly title: string;
    readonly description?: string | undefined;
    readonly nist: string;
    readonly picerl: string;
  }[];
};

/** A step without its graph (edges travel as CACAO references). */
export type StepExtension = {
  readonly type: 'bulwark';
  readonly phase: string;
  readonly parallel?: string | undefined;
  readonly track?: string | undefined;
  readonly step: StepBody;
};

/** The generated end step that closes a track. */
export type TrackEndExtension = {
  readonly type: 'bulwark-track-end';
  readonly parallel: string;
  readonly track: string;
};

/** A step's fields minus `next` (options keep id and label; tracks keep id and title). */
export type StepBody = Record<string, unknown> & {
  readonly id: string;
  readonly kind: Step['kind'];
};

/** The CACAO step type of each step kind. */
export const CACAO_TYPE: Readonly<Record<Step['kind'], string>> = {
  task: 'action',
  notification: 'action',
  decision: 'switch-condition',
  parallel: 'parallel',
  end: 'end',
};

/** CACAO step types Bulwark understands. */
export const CACAO_STEP_TYPES = [
  'start',
  'end',
  'action',
  'playbook-action',
  'parallel',
  'if-condition',
  'while-condition',
  'switch-condition',
] as const;

const UUID =
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}';
/** A CACAO identifier: `type--uuid`. */
export const IDENTIFIER = new RegExp(`^[a-z][a-z0-9-]+[a-z0-9]--${UUID}$`);
/** A CACAO timestamp (RFC 3339 in UTC). */
export const TIMESTAMP =
  /^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\.[0-9]+)?Z$/;
/** Agent and target types the official schema accepts as dictionary keys. */
export const AGENT_TYPES = [
  'group',
  'http-api',
  'individual',
  'linux',
  'location',
  'net-address',
  'organization',
  'sector',
  'security-category',
  'ssh',
] as const;

/** A loose view of a CACAO workflow step as found in files. */
export type CacaoStep = {
  readonly type?: unknown;
  readonly name?: unknown;
  readonly description?: unknown;
  readonly on_completion?: unknown;
  readonly on_success?: unknown;
  readonly on_failure?: unknown;
  readonly on_true?: unknown;
  readonly on_false?: unknown;
  readonly next_steps?: unknown;
  readonly cases?: unknown;
  readonly commands?: unknown;
  readonly agent?: unknown;
  readonly condition?: unknown;
  readonly switch?: unknown;
  readonly playbook_id?: unknown;
  readonly step_extensions?: unknown;
};

/** The references a CACAO step makes, with the JSON path of each (relative to the step). */
export function cacaoRefs(step: CacaoStep): { to: string; path: (string | number)[] }[] {
  const out: { to: string; path: (string | number)[] }[] = [];
  for (const key of ['on_completion', 'on_success', 'on_failure', 'on_true', 'on_false'] as const) {
    const v = step[key];
    if (typeof v === 'string') out.push({ to: v, path: [key] });
  }
  if (Array.isArray(step.next_steps))
    step.next_steps.forEach((v, i) => {
      if (typeof v === 'string') out.push({ to: v, path: ['next_steps', i] });
    });
  if (isRecord(step.cases))
    for (const [k, v] of Object.entries(step.cases))
      if (typeof v === 'string') out.push({ to: v, path: ['cases', k] });
  return out;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CONTROL = /[^\P{Cc}\t\n\r]/gu;

/** Text that fits a playbook field: no control characters, trimmed and shortened. */
export function clean(value: unknown, max: number, fallback: string): string {
  const text = typeof value === 'string' ? value.replace(CONTROL, ' ').trim() : '';
  if (!text) return fallback;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** An id-shaped slug (lowercase letters, digits, hyphens) of any text. */
export function slug(value: string, max = 60): string {
  const s = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'x';
}
