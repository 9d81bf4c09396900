import type { ImportProgress, StagedImport } from '../../../core/openapi';
import type { ThreatModel } from '../../../core/threats';

// The messages between the import dialog and its Web Worker. One request per worker: the
// dialog starts a fresh worker for each analysis and terminates it to cancel.

/** The description to analyse: a picked or dropped file (read in the worker) or text. */
export type DescriptionInput =
  | { readonly kind: 'file'; readonly file: File }
  | { readonly kind: 'text'; readonly text: string; readonly fileName: string };

export type AnalyseRequest = {
  readonly input: DescriptionInput;
  readonly apiId: string;
  readonly modelId: string;
  readonly existing?: ThreatModel | undefined;
  readonly previous?: { readonly text: string; readonly fileName: string } | undefined;
};

export type WorkerReply =
  | { readonly kind: 'progress'; readonly progress: ImportProgress }
  | {
      readonly kind: 'done';
      readonly result: StagedImport;
      /** The text analysed (what Create stores for the next re-import's diff). */
      readonly text: string;
      readonly fileName: string;
    }
  | { readonly kind: 'failed'; readonly error: string };

/** The name an input goes by in messages. */
export const inputName = (input: DescriptionInput): string =>
  input.kind === 'file' ? input.file.name : input.fileName;
