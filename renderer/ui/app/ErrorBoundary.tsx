import { Component, type ErrorInfo, type ReactNode } from 'react';
import { classifyStorageError } from '../../storage';
import { CrashBackupButton } from './CrashBackupButton';
import { FatalScreen } from './FatalScreen';

type ErrorBoundaryProps = { readonly children: ReactNode };
type ErrorBoundaryState = { readonly error: unknown; readonly failed: boolean };

/**
 * Catches what no screen handled. A storage failure (a live query re-throws it while
 * rendering) shows its remedy; anything else shows a recoverable crash screen with a
 * way to save the work first. A class, because only classes can be error boundaries.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { error } = this.state;
    const problem = classifyStorageError(error);
    if (problem.kind !== 'unknown')
      return (
        <FatalScreen title={problem.title} message={problem.message} remedy={problem.remedy} />
      );
    const details =
      error instanceof Error
        ? `${error.name}: ${error.message}\n${error.stack ?? ''}`
        : String(error);
    return (
      <FatalScreen
        title="Something went wrong"
        message="Bulwark hit an error it did not expect. Your saved work is in local storage and is not affected by this screen."
        remedy="Export a backup to be safe, then reload the window. If it happens again, copy the technical details into a bug report."
        actions={<CrashBackupButton />}
        details={details}
      />
    );
  }
}
