import { createLibrary, defaultLibrary, type RuleLibrary } from '../../core/threats';
import {
  EMPTY_RULE_SETTINGS,
  ruleLibrarySettingsSchema,
  type RuleLibrarySettings,
} from '../../core/workspace/records';
import type { BulwarkDb } from './db';

/** The settings key of the workspace's rule-library tailoring. */
export const RULE_LIBRARY_KEY = 'ruleLibrary';

/** The rule-library tailoring, or the untailored default when none is stored. */
export async function readRuleSettings(db: BulwarkDb): Promise<RuleLibrarySettings> {
  const row = await db.settings.get(RULE_LIBRARY_KEY);
  const parsed = ruleLibrarySettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : EMPTY_RULE_SETTINGS;
}

/** Stores the rule-library tailoring (validate it with core's createLibrary first). */
export async function writeRuleSettings(
  db: BulwarkDb,
  settings: RuleLibrarySettings,
): Promise<void> {
  await db.settings.put({ key: RULE_LIBRARY_KEY, value: settings });
}

/**
 * The rule library a tailoring makes. A stored tailoring that no longer validates (a rule
 * id renamed by an update) falls back to the built-in catalogue rather than blocking
 * generation; the Rules tab shows the errors.
 */
export function ruleLibraryOf(settings: RuleLibrarySettings): RuleLibrary {
  const made = createLibrary(settings);
  return made.ok ? made.library : defaultLibrary();
}
