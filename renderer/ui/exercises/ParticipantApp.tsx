import { useEffect, useState } from 'react';
import { parseParticipantHash } from './exercise-route';
import { ParticipantView } from './ParticipantView';

/** The participant window: no app shell, no navigation, only the exercise on the projector. */
export function ParticipantApp() {
  const [id, setId] = useState(() => parseParticipantHash(window.location.hash));
  useEffect(() => {
    const onHash = () => {
      setId(parseParticipantHash(window.location.hash));
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  useEffect(() => {
    document.title = 'Bulwark — EXERCISE participant view';
  }, []);
  if (id === null)
    return (
      <main className="participant">
        <p role="alert">No exercise is named in this address.</p>
      </main>
    );
  return <ParticipantView key={id} exerciseId={id} />;
}
