import { lazy, Suspense, useEffect, useState } from 'react';
import {
  classifyStorageError,
  openWorkspace,
  subscribeStorageProblems,
  type StorageProblem,
} from '../../storage';
import { App } from './App';
import { FatalScreen } from './FatalScreen';

// The exercise participant view (a projector window) has no app shell; loaded on demand.
const ParticipantApp = lazy(async () => ({
  default: (await import('../exercises/ParticipantApp')).ParticipantApp,
}));

type Phase =
  | { readonly kind: 'opening' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly problem: StorageProblem };

/**
 * Opens the workspace database before the app renders, so a database that cannot open
 * (newer, blocked by another window, unavailable) is explained full-screen with its
 * remedy. A blocked open may still succeed once the other window lets go.
 */
export function Boot() {
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  useEffect(() => {
    let live = true;
    const unsubscribe = subscribeStorageProblems((problem) => {
      if (live) setPhase((p) => (p.kind === 'opening' ? { kind: 'failed', problem } : p));
    });
    openWorkspace().then(
      () => {
        if (live) setPhase({ kind: 'ready' });
      },
      (e: unknown) => {
        console.error(e);
        if (live) setPhase({ kind: 'failed', problem: classifyStorageError(e) });
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  if (phase.kind === 'ready')
    return window.location.hash.startsWith('#/participant/') ? (
      <Suspense fallback={null}>
        <ParticipantApp />
      </Suspense>
    ) : (
      <App />
    );
  if (phase.kind === 'failed') {
    const { title, message, remedy } = phase.problem;
    return <FatalScreen title={title} message={message} remedy={remedy} />;
  }
  return (
    <main className="boot" aria-busy="true">
      <p className="boot__text" role="status">
        Opening workspace…
      </p>
    </main>
  );
}
