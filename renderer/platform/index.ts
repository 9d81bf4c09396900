import { version } from '../../package.json';
import { createBrowserPlatform } from './browser';
import { createDesktopPlatform } from './desktop';
import type { Platform } from './types';

export { createBrowserPlatform } from './browser';
export { createDesktopPlatform } from './desktop';
export { dispatchMenuCommand } from './menu-events';
export {
  PlatformError,
  type AppInfo,
  type FileFilter,
  type MenuCommand,
  type Platform,
  type SaveResult,
} from './types';

/** Desktop when the preload exposed `window.bulwark`, the browser fallback otherwise. */
export function detectPlatform(w: Window = window, appVersion: string): Platform {
  return w.bulwark
    ? createDesktopPlatform(w.bulwark, w)
    : createBrowserPlatform(w.document, appVersion);
}

let current: Platform | undefined;

/** The one platform of this window, detected on first use; the browser reports package.json's version. */
export function getPlatform(): Platform {
  // package.json is the version electron-builder stamps on the desktop app too, so both
  // kinds report the same number; Vite inlines only this one field.
  current ??= detectPlatform(window, version);
  return current;
}
