import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, StagedImport } from '../../../core/openapi';
import { inputName, type AnalyseRequest, type WorkerReply } from './protocol';

/** Where the current analysis stands. */
export type AnalysisState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly fileName: string;
      readonly progress: ImportProgress | null;
    }
  | {
      readonly kind: 'done';
      readonly result: Extract<StagedImport, { ok: true }>;
      readonly request: AnalyseRequest;
      readonly text: string;
      readonly fileName: string;
    }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'cancelled'; readonly fileName: string };

/**
 * Runs an analysis in a fresh Web Worker and follows its progress. Starting again or
 * cancelling terminates the worker in flight (its result can no longer arrive), and so
 * does unmounting.
 */
export function useOpenApiAnalysis(): {
  readonly state: AnalysisState;
  readonly start: (request: AnalyseRequest) => void;
  readonly cancel: () => void;
} {
  const [state, setState] = useState<AnalysisState>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (request: AnalyseRequest) => {
      stop();
      const fileName = inputName(request.input);
      const w = new Worker(new URL('./openapi.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      setState({ kind: 'running', fileName, progress: null });
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        if (worker.current !== w) return;
        const reply = e.data;
        if (reply.kind === 'progress') {
          setState({ kind: 'running', fileName, progress: reply.progress });
          return;
        }
        stop();
        if (reply.kind === 'failed')
          setState({ kind: 'failed', error: `${fileName}: analysis failed (${reply.error}).` });
        else if (!reply.result.ok) setState({ kind: 'failed', error: reply.result.error });
        else
          setState({
            kind: 'done',
            result: reply.result,
            request,
            text: reply.text,
            fileName: reply.fileName,
          });
      };
      w.onerror = (e) => {
        if (worker.current !== w) return;
        stop();
        setState({
          kind: 'failed',
          error: `${fileName}: the analysis stopped (${e.message || 'out of memory?'}).`,
        });
      };
      w.postMessage(request);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState((s) => (s.kind === 'running' ? { kind: 'cancelled', fileName: s.fileName } : s));
  }, [stop]);

  return { state, start, cancel };
}
