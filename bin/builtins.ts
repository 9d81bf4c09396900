// The Node built-ins that `bulwark analyze` uses, taken with process.getBuiltinModule
// rather than imported. An ES import of a built-in first builds its module facade, which
// reads every export: for node:fs that loads the whole streams stack (fs.ReadStream is a
// lazy getter). Together with node:path, node:url and node:util that is about 1.5 ms of
// CPU at every start, against the 80 ms a small description takes. Other verbs import
// built-ins as usual: each loads only with its own command.

export const {
  constants: { MAX_STRING_LENGTH },
  isAscii,
} = process.getBuiltinModule('node:buffer');
export const { closeSync, openSync, readFileSync, realpathSync, writeSync } =
  process.getBuiltinModule('node:fs');
export const path = process.getBuiltinModule('node:path');
export const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');
export const { parseArgs } = process.getBuiltinModule('node:util');
export const { setFlagsFromString } = process.getBuiltinModule('node:v8');
