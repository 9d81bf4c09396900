import { createContext } from 'react';
import { useRequiredContext } from './required-context';

export type WorkspaceApi = {
  readonly backup: () => Promise<void>;
  /** Picks a file, validates it, asks to replace, restores; errors land in `restoreError`. */
  readonly restore: () => Promise<void>;
  /** Why the last picked file was refused (names the file and the place); nothing was written. */
  readonly restoreError: string | null;
  readonly busy: 'backup' | 'restore' | null;
};

export const WorkspaceContext = createContext<WorkspaceApi | null>(null);

/** Backup and restore, callable from the workspace screen, the palette, menus and banners. */
export function useWorkspace(): WorkspaceApi {
  return useRequiredContext(WorkspaceContext, 'useWorkspace');
}
