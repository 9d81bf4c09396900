import { contextBridge, ipcRenderer } from 'electron';
import type * as Contract from '../contract';
// Only the zod-free constants: the preload must not bundle the schemas.
import {
  CHANNELS,
  MENU_CHANNEL,
  MENU_COMMANDS,
  MENU_EVENT,
  type MenuCommand,
} from '../contract/channels';

// The only file that touches ipcRenderer. The page gets `window.bulwark`: five async
// methods, each one `invoke` on its own channel with one argument object. Never
// ipcRenderer itself, never a generic send/on/invoke, never an IpcRendererEvent (whose
// `sender` is ipcRenderer). Arguments are not checked here: main checks the sender and
// parses every argument, as it must for a compromised page anyway.

const bridge: Contract.BulwarkBridge = {
  files: {
    save: (request) => ipcRenderer.invoke(CHANNELS.filesSave, request),
    open: (request) => ipcRenderer.invoke(CHANNELS.filesOpen, request),
  },
  reports: {
    printToPdf: (request) => ipcRenderer.invoke(CHANNELS.reportsPrintToPdf, request),
  },
  app: {
    info: () => ipcRenderer.invoke(CHANNELS.appInfo, {}),
  },
  exercises: {
    openParticipant: (request) => ipcRenderer.invoke(CHANNELS.exercisesOpenParticipant, request),
  },
};

function isMenuCommand(value: unknown): value is MenuCommand {
  // A plain includes check keeps zod out of the preload bundle.
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

// Menu commands reach the page as a DOM event whose detail is just the command string.
ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
  if (!isMenuCommand(command)) return;
  window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: command }));
});

contextBridge.exposeInMainWorld('bulwark', bridge);
