// The storage adapter's public surface. The UI imports from here, never Dexie directly.
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
export {
  LAST_RESTORE_KEY,
  backupFileName,
  exportWorkspace,
  previewRestoreFor,
  readBackupFile,
  restoreWorkspace,
} from './backup';
export { RULE_LIBRARY_KEY, readRuleSettings, writeRuleSettings } from './settings';
export type { SettingRow } from './db';
export {
  createThreatModel,
  deleteThreatModel,
  getThreatModel,
  listThreatModels,
  modelOfRecord,
  reinstateThreatModel,
  saveThreatModel,
  threatModelsForApi,
  type ThreatModelSaveResult,
} from './threat-models';
export {
  useRuleLibrary,
  useRuleSettings,
  useThreatModel,
  useThreatModels,
  useThreatModelsForApi,
} from './hooks-threats';
export {
  deleteUserPlaybook,
  getUserPlaybook,
  listUserPlaybooks,
  reinstateUserPlaybook,
  saveUserPlaybook,
  type PlaybookSaveResult,
} from './playbooks';
export { useUserPlaybook, useUserPlaybooks } from './hooks-playbooks';
