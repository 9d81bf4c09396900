import { ConfirmProvider } from '../state/ConfirmProvider';
import { InventoryQueryProvider } from '../state/InventoryQueryProvider';
import { PreferencesProvider } from '../state/PreferencesProvider';
import { ProblemProvider } from '../state/ProblemProvider';
import { RouterProvider } from '../state/RouterProvider';
import { ToastProvider } from '../state/ToastProvider';
import { WorkspaceProvider } from '../state/WorkspaceProvider';
import { AppShell } from './AppShell';
import { CommandsProvider } from './CommandsProvider';

/**
 * The app: app-wide state from the outside in (each provider may use those above
 * it), then the shell.
 */
export function App() {
  return (
    <PreferencesProvider>
      <RouterProvider>
        <ToastProvider>
          <ProblemProvider>
            <ConfirmProvider>
              <InventoryQueryProvider>
                <WorkspaceProvider>
                  <CommandsProvider>
                    <AppShell />
                  </CommandsProvider>
                </WorkspaceProvider>
              </InventoryQueryProvider>
            </ConfirmProvider>
          </ProblemProvider>
        </ToastProvider>
      </RouterProvider>
    </PreferencesProvider>
  );
}
