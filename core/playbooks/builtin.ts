import leakedApiCredentials from '../../playbooks/leaked-api-credentials.yaml?raw';
import bolaDataScraping from '../../playbooks/bola-data-scraping.yaml?raw';
import credentialStuffingTakeover from '../../playbooks/credential-stuffing-takeover.yaml?raw';
import apiResourceExhaustion from '../../playbooks/api-resource-exhaustion.yaml?raw';
import exposedDebugEndpoint from '../../playbooks/exposed-debug-endpoint.yaml?raw';
import thirdPartyApiCompromise from '../../playbooks/third-party-api-compromise.yaml?raw';
import secretLeakRepoLogs from '../../playbooks/secret-leak-repo-logs.yaml?raw';
import massAssignmentPrivilegeEscalation from '../../playbooks/mass-assignment-privilege-escalation.yaml?raw';
import shadowZombieApi from '../../playbooks/shadow-zombie-api.yaml?raw';
import type { Playbook, PlaybookError } from './types';
import { validatePlaybook } from './validate';

// The built-in playbooks, read as text at build time (Vite's `?raw`) so that the CLI and
// the window get them without a file system. Tests prove every one validates.

/** A built-in playbook file: its name and its text. */
export type PlaybookSource = { readonly fileName: string; readonly text: string };

/** The texts of the built-in playbooks, in catalogue order. */
export const BUILTIN_PLAYBOOK_SOURCES: readonly PlaybookSource[] = [
  { fileName: 'playbooks/leaked-api-credentials.yaml', text: leakedApiCredentials },
  { fileName: 'playbooks/bola-data-scraping.yaml', text: bolaDataScraping },
  { fileName: 'playbooks/credential-stuffing-takeover.yaml', text: credentialStuffingTakeover },
  { fileName: 'playbooks/api-resource-exhaustion.yaml', text: apiResourceExhaustion },
  { fileName: 'playbooks/exposed-debug-endpoint.yaml', text: exposedDebugEndpoint },
  { fileName: 'playbooks/third-party-api-compromise.yaml', text: thirdPartyApiCompromise },
  { fileName: 'playbooks/secret-leak-repo-logs.yaml', text: secretLeakRepoLogs },
  {
    fileName: 'playbooks/mass-assignment-privilege-escalation.yaml',
    text: massAssignmentPrivilegeEscalation,
  },
  { fileName: 'playbooks/shadow-zombie-api.yaml', text: shadowZombieApi },
];

let cache: readonly Playbook[] | undefined;

/** The built-in playbooks, validated once; throws (a build defect) if one is invalid. */
export function builtinPlaybooks(): readonly Playbook[] {
  if (cache) return cache;
  const out: Playbook[] = [];
  const errors: PlaybookError[] = [];
  for (const source of BUILTIN_PLAYBOOK_SOURCES) {
    const result = validatePlaybook(source.text, source.fileName);
    if (result.ok) out.push(result.playbook);
    else errors.push(...result.errors);
  }
  if (errors.length > 0)
    throw new Error(
      `Built-in playbooks are invalid: ${errors.map((e) => `${e.file}:${e.line} ${e.path} ${e.message}`).join('; ')}`,
    );
  cache = out;
  return out;
}

/** A built-in playbook by id. */
export function builtinPlaybook(id: string): Playbook | undefined {
  return builtinPlaybooks().find((p) => p.id === id);
}
