import { analyseInPhases, type ImportProgress } from '../../../core/openapi';
import type { AnalyseRequest, WorkerReply } from './protocol';

// Reads, parses and analyses an OpenAPI description off the UI thread, so a 50 MB file
// never freezes the window, and tells the dialog how far it is. Cancel terminates it.

type WorkerScope = {
  onmessage: ((e: MessageEvent<AnalyseRequest>) => void) | null;
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

scope.onmessage = (e) => {
  const request = e.data;
  void (async () => {
    try {
      const fileName =
        request.input.kind === 'file' ? request.input.file.name : request.input.fileName;
      const text =
        request.input.kind === 'file' ? await readFile(request.input.file) : request.input.text;
      const result = analyseInPhases(
        {
          text,
          fileName,
          apiId: request.apiId,
          modelId: request.modelId,
          existing: request.existing,
          previous: request.previous,
        },
        report,
      );
      scope.postMessage({ kind: 'done', result, text, fileName });
    } catch (err) {
      scope.postMessage({
        kind: 'failed',
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
    }
  })();
};
