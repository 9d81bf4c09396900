import { z } from 'zod';
import { MENU_COMMANDS } from './channels';

// The whole IPC surface between the window and the main process. One `invoke` channel
// per bridge method, named `area:verb`; one argument object per call; replies are
// `{ ok: true, value }` or `{ ok: false, error }`. Nothing else crosses.

export * from './channels';

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Largest text a renderer may hand to the main process in one call (100 MB). */
export const MAX_PAYLOAD_CHARS = 100 * 1024 * 1024;
/** Largest file `files.open` reads (256 MB): a workspace backup or a large OpenAPI file. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

// A suggested file name is a name, never a path: the main process owns every path.
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/\p{Cc}]/u.test(n) && n !== '.' && n !== '..', 'A file name, not a path.');

const filters = z
  .array(
    z.object({
      name: z.string().min(1).max(100),
      extensions: z
        .array(z.string().regex(/^[A-Za-z0-9*][A-Za-z0-9.]{0,15}$/))
        .min(1)
        .max(20),
    }),
  )
  .max(10);

// Text is written as UTF-8; binary files (a PNG diagram) travel as base64 text, the only
// form the structured-clone bridge and the zod check both handle simply.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const filesSaveRequest = z
  .strictObject({
    suggestedName: fileName,
    content: z.string().max(MAX_PAYLOAD_CHARS),
    encoding: z.enum(['utf8', 'base64']).optional(),
    filters,
  })
  .refine(
    (r) => r.encoding !== 'base64' || (r.content.length % 4 === 0 && BASE64.test(r.content)),
    {
      message: 'Content marked base64 is not valid base64.',
      path: ['content'],
    },
  );
export type FilesSaveRequest = z.infer<typeof filesSaveRequest>;

/** `fileName` is the chosen file's base name, for messages; the path stays in main. */
export type SaveResult =
  { readonly saved: false } | { readonly saved: true; readonly fileName: string };

export const filesOpenRequest = z.strictObject({
  title: z.string().max(200).optional(),
  filters,
});
export type FilesOpenRequest = z.infer<typeof filesOpenRequest>;

export type OpenResult =
  | { readonly canceled: true }
  | { readonly canceled: false; readonly fileName: string; readonly content: string };

export const reportsPrintToPdfRequest = z.strictObject({
  suggestedName: fileName,
  html: z.string().max(MAX_PAYLOAD_CHARS),
  landscape: z.boolean().optional(),
});
export type ReportsPrintToPdfRequest = z.infer<typeof reportsPrintToPdfRequest>;

export const appInfoRequest = z.strictObject({});
export type AppInfoRequest = z.infer<typeof appInfoRequest>;

export type AppInfo = {
  readonly name: string;
  readonly version: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  readonly platform: string;
};

// An exercise id names the participant window's page; ids are UUIDs (letters, digits,
// hyphens), so nothing else can reach the URL the main process builds from it.
export const exercisesOpenParticipantRequest = z.strictObject({
  exerciseId: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'An exercise id.'),
});
export type ExercisesOpenParticipantRequest = z.infer<typeof exercisesOpenParticipantRequest>;

/** The one object the preload exposes to the page as `window.bulwark`. */
export type BulwarkBridge = {
  readonly files: {
    readonly save: (request: FilesSaveRequest) => Promise<Result<SaveResult>>;
    readonly open: (request: FilesOpenRequest) => Promise<Result<OpenResult>>;
  };
  readonly reports: {
    readonly printToPdf: (request: ReportsPrintToPdfRequest) => Promise<Result<SaveResult>>;
  };
  readonly app: {
    readonly info: () => Promise<Result<AppInfo>>;
  };
  readonly exercises: {
    /** Opens (or brings forward) the exercise's participant view in a second window. */
    readonly openParticipant: (request: ExercisesOpenParticipantRequest) => Promise<Result<null>>;
  };
};

export const menuCommand = z.enum(MENU_COMMANDS);
