import type { ApiId } from '../../../core/inventory/types';
import type { ThreatModel, ThreatModelId } from '../../../core/threats';
import { analyseInPhases, type ImportProgress, type StagedImport } from '../../../core/openapi';
import { defaultDeps } from '../../storage/apis';
import { getDatabase } from '../../storage/db';
import {
  createFromOpenApi,
  getOpenApiSource,
  updateFromOpenApi,
} from '../../storage/openapi-import';
import { readRuleSettings, ruleLibraryOf } from '../../storage/settings';
import { getThreatModel, modelOfRecord } from '../../storage/threat-models';
import type { AnalyseRequest, WorkerReply, WorkerRequest } from './protocol';

// Reads, parses and analyses an OpenAPI description off the UI thread, so a 50 MB file
// never freezes the window, and tells the dialog how far it is: the operations' threats
// and, with the workspace's rule library, the element rules' threats, as `bulwark analyze`
// finds them. It keeps what it built and, when asked, writes it through the same storage
// functions as everywhere else (one transaction); the window's live queries see the change
// through Dexie's cross-context notification. Cancel terminates the worker.

type WorkerScope = {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (message: WorkerReply) => void;
};
const scope = globalThis as unknown as WorkerScope;

/** At most one progress message per this many milliseconds (phase changes always go). */
const THROTTLE_MS = 40;
let lastPhase = '';
let lastAt = 0;

function report(progress: ImportProgress): void {
  const now = performance.now();
  const final = progress.done === progress.total;
  if (progress.phase === lastPhase && !final && now - lastAt < THROTTLE_MS) return;
  lastPhase = progress.phase;
  lastAt = now;
  scope.postMessage({ kind: 'progress', progress });
}

/** The file as UTF-8 text, a chunk at a time; invalid bytes become U+FFFD, which the parser refuses. */
async function readFile(file: File): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let done = 0;
  report({ phase: 'reading', done, total: file.size });
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    done += chunk.value.byteLength;
    parts.push(decoder.decode(chunk.value, { stream: true }));
    report({ phase: 'reading', done, total: file.size });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** The last analysis, kept for the write. */
let built: {
  readonly request: AnalyseRequest;
  readonly result: Extract<StagedImport, { ok: true }>;
  readonly text: string;
  readonly fileName: string;
} | null = null;

async function analyse(request: AnalyseRequest): Promise<void> {
  built = null;
  const fileName = request.input.kind === 'file' ? request.input.file.name : request.input.fileName;
  const text =
    request.input.kind === 'file' ? await readFile(request.input.file) : request.input.text;
  let existing: ThreatModel | undefined;
  let previous: { readonly text: string; readonly fileName: string } | undefined;
  if (request.update === true) {
    const db = getDatabase();
    const record = await getThreatModel(db, request.modelId as ThreatModelId);
    if (!record) {
      scope.postMessage({
        kind: 'failed',
        error: 'The threat model to update no longer exists (deleted in another window?).',
      });
      return;
    }
    existing = modelOfRecord(record);
    const source = await getOpenApiSource(db, record.id);
    previous = source ? { text: source.text, fileName: source.fileName } : undefined;
  }
  // The workspace's tailored rules, as Generate threats in step 3 would use them.
  const library = ruleLibraryOf(await readRuleSettings(getDatabase()));
  const result = analyseInPhases(
    { text, fileName, apiId: request.apiId, modelId: request.modelId, existing, previous, library },
    report,
  );
  if (!result.ok) {
    scope.postMessage({ kind: 'refused', error: result.error });
    return;
  }
  built = { request, result, text, fileName };
  const { model, ...rest } = result;
  scope.postMessage({
    kind: 'done',
    view: { ...rest, modelTitle: model.title, previousName: previous?.fileName ?? null },
    fileName,
  });
}

async function write(mode: 'create' | 'update', existingApi: boolean): Promise<void> {
  if (!built) {
    scope.postMessage({ kind: 'failed', error: 'Nothing to write: analyse a description first.' });
    return;
  }
  const payload = {
    apiId: built.request.apiId as ApiId,
    draft: built.result.draft,
    model: built.result.model,
    source: { fileName: built.fileName, text: built.text },
  };
  const db = getDatabase();
  const result =
    mode === 'create'
      ? await createFromOpenApi(db, { ...payload, existingApi }, defaultDeps)
      : await updateFromOpenApi(db, payload, defaultDeps);
  scope.postMessage({ kind: 'written', result });
}

scope.onmessage = (e) => {
  const request = e.data;
  const job =
    request.kind === 'write' ? write(request.mode, request.existingApi) : analyse(request);
  job.catch((err: unknown) => {
    scope.postMessage({
      kind: 'failed',
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    });
  });
};
