import type { z } from 'zod';
import type { Result } from '../../contract';
import { isAppUrl } from '../app-origin';

// Every IPC handler is built by secureHandler, in this order:
// 1. the sender: a live main frame of a window we created, showing app://bulwark. An
//    iframe, a page navigated elsewhere, or a window we did not create is refused even
//    if it somehow reached ipcRenderer;
// 2. the argument: parsed with the contract's zod schema (strict objects, bounded sizes);
// 3. the service.
// Replies are always a Result: nothing is thrown across IPC (Electron would forward the
// error text, stack included, to the page).

/** The frame that sent an IPC message, as Electron's WebFrameMain exposes it. */
export type IpcSenderFrame = { readonly url: string; readonly parent: unknown };
/** The part of IpcMainInvokeEvent the checks read. */
export type IpcEventLike = {
  readonly senderFrame: IpcSenderFrame | null;
  readonly sender: { readonly id: number };
};
/** An invoke listener as registered with ipcMain.handle. */
export type IpcListener = (event: IpcEventLike, arg: unknown) => Promise<unknown>;
/** The narrow face of ipcMain that handler files register against. */
export type IpcRegistrar = { handle(channel: string, listener: IpcListener): void };
/** Ids of the webContents allowed to call IPC (our main windows). */
export type TrustedContents = { has(id: number): boolean };

/** An error whose message is written for the user and safe to send to the page. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** True when the event comes from the main frame of a trusted window showing the app. */
export function isTrustedSender(event: IpcEventLike, trusted: TrustedContents): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false; // navigated or destroyed since sending
  if (frame.parent !== null) return false; // a sub-frame never gets the bridge
  if (!isAppUrl(frame.url)) return false;
  return trusted.has(event.sender.id);
}

function invalidRequest(error: z.ZodError): string {
  // Names the fields, never echoes the values (they may be huge or hostile).
  const fields = [
    ...new Set(error.issues.map((issue) => issue.path.map(String).join('.') || '(request)')),
  ];
  return `Invalid request: ${fields.slice(0, 5).join(', ')}`.slice(0, 200);
}

/** Wraps a service as an IPC listener that checks sender, then argument, then calls it. */
export function secureHandler<S extends z.ZodType, T>(
  schema: S,
  service: (request: z.output<S>) => Promise<T>,
  trusted: TrustedContents,
  log: (message: string, error: unknown) => void = () => undefined,
): (event: IpcEventLike, arg: unknown) => Promise<Result<T>> {
  return async (event, arg) => {
    try {
      if (!isTrustedSender(event, trusted))
        return { ok: false, error: 'Refused: untrusted sender.' };
      const parsed = schema.safeParse(arg);
      if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error) };
      return { ok: true, value: await service(parsed.data) };
    } catch (error) {
      if (error instanceof UserFacingError) return { ok: false, error: error.message };
      // Details (paths, stack) stay in the main process log.
      log('IPC service failed', error);
      return { ok: false, error: 'The operation failed.' };
    }
  };
}
