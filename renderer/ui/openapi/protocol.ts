import type { ImportProgress, StagedImport } from '../../../core/openapi';
import type { OpenApiWriteResult } from '../../storage/openapi-import';

// The messages between the import dialog and its Web Worker. One worker per analysis: it
// keeps the model it built (which can hold tens of thousands of threats) and, on Create
// or Update, validates and writes it itself, so neither the analysis nor the write ever
// blocks the window. Terminating the worker cancels.

/** The description to analyse: a picked or dropped file (read in the worker) or text. */
export type DescriptionInput =
  | { readonly kind: 'file'; readonly file: File }
  | { readonly kind: 'text'; readonly text: string; readonly fileName: string };

export type AnalyseRequest = {
  readonly input: DescriptionInput;
  readonly apiId: string;
  readonly modelId: string;
  /**
   * Update the model `modelId`: the worker reads it and the description it was imported
   * from, so a model of tens of megabytes never passes through the window.
   */
  readonly update?: boolean;
};

/** Write what the last analysis built: a new model, or an update of `existing`. */
export type WriteRequest = {
  readonly kind: 'write';
  readonly mode: 'create' | 'update';
  /** Create for an entry already in the inventory (refresh it instead of adding one). */
  readonly existingApi: boolean;
};

export type WorkerRequest = ({ readonly kind: 'analyse' } & AnalyseRequest) | WriteRequest;

/** The analysis as the window sees it: everything but the (large) model itself. */
export type AnalysisView = Omit<Extract<StagedImport, { ok: true }>, 'model'> & {
  readonly modelTitle: string;
  /** The file name of the description an update is compared with, when there is one. */
  readonly previousName: string | null;
};

export type WorkerReply =
  | { readonly kind: 'progress'; readonly progress: ImportProgress }
  | { readonly kind: 'done'; readonly view: AnalysisView; readonly fileName: string }
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'written'; readonly result: OpenApiWriteResult }
  | { readonly kind: 'failed'; readonly error: string };

/** The name an input goes by in messages. */
export const inputName = (input: DescriptionInput): string =>
  input.kind === 'file' ? input.file.name : input.fileName;
