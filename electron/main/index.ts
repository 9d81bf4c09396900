import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MENU_CHANNEL } from '../contract';
import { APP_INDEX_URL, APP_SCHEME } from './app-origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { APP_CSP } from './csp';
import { registerAppHandlers } from './ipc/app';
import { registerExerciseHandlers } from './ipc/exercises';
import { nodeFileSystem } from './ipc/file-system';
import { registerFilesHandlers, type FileDialogs, type FilesDeps } from './ipc/files';
import { registerReportsHandlers } from './ipc/reports';
import { buildMenuTemplate } from './menu';
import { guardWebContents } from './navigation';
import { hardenSession } from './permissions';
import { PRINT_PARTITION, createPrintJobs, createPrintProtocolHandler } from './print-protocol';
import { devToolsAllowed } from './web-preferences';
import {
  createMainWindow,
  createParticipantWindows,
  focusWindow,
  printWindowOptions,
} from './windows';

// The only file that imports `electron`: it wires the small, tested modules beside it
// to the real APIs. Logic does not live here; order does (what must happen before
// `ready`, what after).

// Before `ready`: the scheme's privileges, and the sandbox for every renderer process.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const devTools = devToolsAllowed(app.isPackaged, process.env);
// out/main/index.js sits beside out/renderer and out/preload (also inside app.asar).
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const trustedContents = new Set<number>();
let mainWindow: BrowserWindow | null = null;

function logError(message: string, error: unknown): void {
  console.error(`[bulwark] ${message}`, error);
}

function openMainWindow(): BrowserWindow {
  const window = createMainWindow((options) => new BrowserWindow(options), {
    preloadPath,
    devTools,
    trustedContents,
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    logError('could not load the UI', error);
  });
  return window;
}

function defaultDirectory(): string {
  // getPath throws when the platform has no such folder (e.g. no XDG user dirs).
  for (const name of ['documents', 'downloads', 'home'] as const) {
    try {
      return app.getPath(name);
    } catch {
      // try the next one
    }
  }
  return app.getPath('temp');
}

// Dialogs are modal to the main window so they cannot be lost behind it.
const dialogs: FileDialogs = {
  showSaveDialog: (options) =>
    mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
  showOpenDialog: (options) =>
    mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
};

function onReady(): void {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(rendererRoot, (filePath) => readFile(filePath)),
  );
  hardenSession(session.defaultSession, { csp: APP_CSP });

  const printJobs = createPrintJobs(() => randomBytes(16).toString('hex'));
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.protocol.handle(APP_SCHEME, createPrintProtocolHandler(printJobs));
  // No webRequest CSP here: the print handler sets the stricter PRINT_CSP itself.
  hardenSession(printSession);

  const filesDeps: FilesDeps = { dialogs, fs: nodeFileSystem, defaultDirectory };
  registerFilesHandlers(ipcMain, filesDeps, trustedContents, logError);
  registerReportsHandlers(
    ipcMain,
    { ...filesDeps, printJobs, createPrintWindow: () => new BrowserWindow(printWindowOptions()) },
    trustedContents,
    logError,
  );
  registerAppHandlers(
    ipcMain,
    {
      name: app.getName(),
      version: app.getVersion(),
      versions: process.versions,
      platform: process.platform,
    },
    trustedContents,
    logError,
  );

  const participantWindows = createParticipantWindows((options) => new BrowserWindow(options), {
    devTools,
    appIndexUrl: APP_INDEX_URL,
  });
  registerExerciseHandlers(
    ipcMain,
    { openParticipantWindow: (exerciseId) => participantWindows.open(exerciseId) },
    trustedContents,
    logError,
  );

  const template = buildMenuTemplate(
    (command) => {
      mainWindow?.webContents.send(MENU_CHANNEL, command);
    },
    { isMac: process.platform === 'darwin', devTools, appName: 'Bulwark' },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  openMainWindow();
}

// One running instance: a second launch focuses the existing window and exits, so two
// processes never write the same workspace.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    focusWindow(mainWindow);
  });
  // Every webContents, including ones we do not create ourselves, gets the guards.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, (url) => shell.openExternal(url));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) openMainWindow();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      logError('startup failed', error);
      app.exit(1);
    });
}
