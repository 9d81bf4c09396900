import bolaCustomerScraping from '../../playbooks/scenarios/bola-customer-scraping.yaml?raw';
import partnerKeyLeak from '../../playbooks/scenarios/partner-key-leak.yaml?raw';
import credentialStuffingWave from '../../playbooks/scenarios/credential-stuffing-wave.yaml?raw';
import zombieV1Api from '../../playbooks/scenarios/zombie-v1-api.yaml?raw';
import webhookProviderCompromise from '../../playbooks/scenarios/webhook-provider-compromise.yaml?raw';
import launchResourceExhaustion from '../../playbooks/scenarios/launch-resource-exhaustion.yaml?raw';
import type { PlaybookSource } from '../playbooks/builtin';
import type { PlaybookError } from '../playbooks/types';
import type { Scenario } from './types';
import { validateScenario } from './validate';

// The built-in exercise scenarios, read as text at build time (Vite's `?raw`), as the
// built-in playbooks are. Tests prove every one validates against the built-in playbooks.

/** The texts of the built-in scenarios, in catalogue order. */
export const BUILTIN_SCENARIO_SOURCES: readonly PlaybookSource[] = [
  { fileName: 'playbooks/scenarios/bola-customer-scraping.yaml', text: bolaCustomerScraping },
  { fileName: 'playbooks/scenarios/partner-key-leak.yaml', text: partnerKeyLeak },
  { fileName: 'playbooks/scenarios/credential-stuffing-wave.yaml', text: credentialStuffingWave },
  { fileName: 'playbooks/scenarios/zombie-v1-api.yaml', text: zombieV1Api },
  {
    fileName: 'playbooks/scenarios/webhook-provider-compromise.yaml',
    text: webhookProviderCompromise,
  },
  {
    fileName: 'playbooks/scenarios/launch-resource-exhaustion.yaml',
    text: launchResourceExhaustion,
  },
];

let cache: readonly Scenario[] | undefined;

/** The built-in scenarios, validated once; throws (a build defect) if one is invalid. */
export function builtinScenarios(): readonly Scenario[] {
  if (cache) return cache;
  const out: Scenario[] = [];
  const errors: PlaybookError[] = [];
  for (const source of BUILTIN_SCENARIO_SOURCES) {
    const result = validateScenario(source.text, source.fileName);
    if (result.ok) out.push(result.scenario);
    else errors.push(...result.errors);
  }
  if (errors.length > 0)
    throw new Error(
      `Built-in scenarios are invalid: ${errors.map((e) => `${e.file}:${e.line} ${e.path} ${e.message}`).join('; ')}`,
    );
  cache = out;
  return out;
}

/** A built-in scenario by id. */
export function builtinScenario(id: string): Scenario | undefined {
  return builtinScenarios().find((s) => s.id === id);
}
