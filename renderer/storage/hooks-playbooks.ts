import { useLiveQuery } from 'dexie-react-hooks';
import type { UserPlaybookRecord } from '../../core/workspace/records';
import { getDatabase } from './db';
import { getUserPlaybook, listUserPlaybooks } from './playbooks';

// Live queries over the user playbooks; `undefined` means "loading" (see hooks.ts).

/** Every user playbook, most recently updated first; undefined while loading. */
export function useUserPlaybooks(): UserPlaybookRecord[] | undefined {
  return useLiveQuery(() => listUserPlaybooks(getDatabase()), []);
}

/** One user playbook: undefined while loading, null once loaded and missing. */
export function useUserPlaybook(id: string): UserPlaybookRecord | null | undefined {
  return useLiveQuery(async () => (await getUserPlaybook(getDatabase(), id)) ?? null, [id]);
}
