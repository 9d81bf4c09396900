// IndexedDB for the repository tests: must load before Dexie opens a database.
import 'fake-indexeddb/auto';
