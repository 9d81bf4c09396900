import type * as Yaml from 'yaml';

// The `yaml` library as core/openapi/source.ts sees it in the CLI bundle: vite.cli.config.ts
// points that one import here. A JSON description, the usual input of `bulwark analyze`,
// never reaches YAML, and loading and evaluating the library (230 KB) costs about 9 ms of
// CPU on every run. So these bindings stay empty until `loadYaml` has imported it; analyze
// calls it before reading text that does not open like JSON, the test readSource makes to
// choose YAML. Everywhere else (tests, the window) source.ts imports `yaml` itself.
// ES module bindings are live: source.ts sees the library's own class and functions.

export let LineCounter: typeof Yaml.LineCounter;
export let isAlias: typeof Yaml.isAlias;
export let isMap: typeof Yaml.isMap;
export let isScalar: typeof Yaml.isScalar;
export let isSeq: typeof Yaml.isSeq;
export let parseDocument: typeof Yaml.parseDocument;

/** Imports the YAML library (once) and fills in the bindings above. */
export async function loadYaml(): Promise<void> {
  ({ LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } = await import('yaml'));
}
