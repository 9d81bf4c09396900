// The storage adapter's public surface for the first screen. The UI imports from here,
// never Dexie directly. Modules that pull in heavy domain code (backup validation, threat
// models, playbooks) are imported from their own files by the screens that need them, so
// the inventory's first screen does not load the rule catalogue or the YAML parser.
export { BulwarkDb, DB_NAME, getDatabase, openWorkspace, openDatabase, type MetaRow } from './db';
export { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
export { classifyStorageError, subscribeStorageProblems, type StorageProblem } from './errors';
export {
  bulkAddApis,
  countApis,
  createApi,
  defaultDeps,
  deleteApi,
  getApi,
  listApis,
  reinstateApi,
  updateApi,
  type ApiSaveResult,
  type WriteDeps,
} from './apis';
export { useApi, useApiCount, useApis } from './hooks';
export type { SettingRow } from './db';
