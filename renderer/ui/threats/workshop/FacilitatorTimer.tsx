import { useEffect, useState } from 'react';

const pad = (n: number) => String(n).padStart(2, '0');

/** mm:ss (h:mm:ss past an hour). */
function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${String(h)}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/**
 * The facilitator's stopwatch for a session. Elapsed time is kept as a start instant plus
 * time banked before the last pause, so a slow or throttled tab never drifts.
 */
export function FacilitatorTimer() {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [banked, setBanked] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    const t = window.setInterval(() => {
      setNow(Date.now());
    }, 500);
    return () => {
      window.clearInterval(t);
    };
  }, [startedAt]);
  const elapsed = banked + (startedAt === null ? 0 : Math.max(0, now - startedAt));
  const running = startedAt !== null;
  return (
    <div className="timer" role="group" aria-label="Facilitator timer">
      <span className="timer__time" aria-live="off">
        {clock(elapsed)}
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          const t = Date.now();
          if (running) {
            setBanked(banked + (t - startedAt));
            setStartedAt(null);
          } else {
            setNow(t);
            setStartedAt(t);
          }
        }}
      >
        {running ? 'Pause timer' : 'Start timer'}
      </button>
      <button
        type="button"
        className="button button--ghost button--small"
        disabled={elapsed === 0 && !running}
        onClick={() => {
          setBanked(0);
          setStartedAt(null);
        }}
      >
        Reset timer
      </button>
    </div>
  );
}
