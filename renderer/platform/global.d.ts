import type { BulwarkBridge } from '../../electron/contract';

declare global {
  // Window is declared as an interface by lib.dom, and only an interface merges into it.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Present only in the desktop app, exposed by the preload; absent in a plain browser. */
    readonly bulwark?: BulwarkBridge;
  }
}

export {};
