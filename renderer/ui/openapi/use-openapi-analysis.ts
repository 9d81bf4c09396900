import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../../core/openapi';
import type { OpenApiWriteResult } from '../../storage/openapi-import';
import {
  inputName,
  type AnalyseRequest,
  type AnalysisView,
  type WorkerReply,
  type WriteRequest,
} from './protocol';

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
      readonly view: AnalysisView;
      readonly request: AnalyseRequest;
      readonly fileName: string;
    }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'cancelled'; readonly fileName: string };

/**
 * Runs an analysis in a fresh Web Worker and follows its progress; the worker then keeps
 * the model and writes it on request. Starting again, cancelling or unmounting terminates
 * the worker in flight (its result can no longer arrive).
 */
export function useOpenApiAnalysis(): {
  readonly state: AnalysisState;
  readonly start: (request: AnalyseRequest) => void;
  readonly cancel: () => void;
  readonly write: (request: Omit<WriteRequest, 'kind'>) => Promise<OpenApiWriteResult>;
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
        if (reply.kind === 'progress')
          setState({ kind: 'running', fileName, progress: reply.progress });
        else if (reply.kind === 'done')
          setState({ kind: 'done', view: reply.view, request, fileName: reply.fileName });
        else if (reply.kind === 'refused') {
          stop();
          setState({ kind: 'failed', error: reply.error });
        } else if (reply.kind === 'failed') {
          stop();
          setState({ kind: 'failed', error: `${fileName}: analysis failed (${reply.error}).` });
        }
      };
      w.onerror = (e) => {
        if (worker.current !== w) return;
        stop();
        setState({
          kind: 'failed',
          error: `${fileName}: the analysis stopped (${e.message || 'out of memory?'}).`,
        });
      };
      w.postMessage({ kind: 'analyse', ...request });
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState((s) => (s.kind === 'running' ? { kind: 'cancelled', fileName: s.fileName } : s));
  }, [stop]);

  const write = useCallback(
    (request: Omit<WriteRequest, 'kind'>) =>
      new Promise<OpenApiWriteResult>((resolve, reject) => {
        const w = worker.current;
        if (!w) {
          reject(new Error('The analysis is no longer available; import the description again.'));
          return;
        }
        w.onmessage = (e: MessageEvent<WorkerReply>) => {
          const reply = e.data;
          if (reply.kind === 'written') resolve(reply.result);
          else if (reply.kind === 'failed') reject(new Error(reply.error));
        };
        w.onerror = (e) => {
          reject(new Error(e.message || 'The import stopped while writing (out of memory?).'));
        };
        w.postMessage({ kind: 'write', ...request } satisfies WriteRequest);
      }),
    [],
  );

  return { state, start, cancel, write };
}
