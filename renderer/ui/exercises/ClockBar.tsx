import { MAX_COMPRESSION, MIN_COMPRESSION, simulatedAt } from '../../../core/exercises/clock';
import type { ExerciseAction } from '../../../core/exercises/engine';
import type { Exercise } from '../../../core/exercises/exercise';
import { formatElapsed } from '../../../core/exercises/participant';
import { elapsedAt } from '../../../core/exercises/clock';
import { openParticipantView } from './participant-window';
import { CLOCK_STATUS_LABELS } from './labels';
import { useProblems } from '../state/problem-context';
import { useEffect, useState } from 'react';

type Props = {
  readonly exercise: Exercise;
  readonly now: number;
  readonly act: (a: ExerciseAction) => Promise<boolean>;
};

/** The simulated clock and its controls: start, pause, resume, end, speed, projector. */
export function ClockBar({ exercise, now, act }: Props) {
  const { clock } = exercise;
  const { reportError } = useProblems();
  const [speed, setSpeed] = useState(clock.compression);
  // Another window (a second console) may change the speed: follow the stored value.
  useEffect(() => {
    setSpeed(clock.compression);
  }, [clock.compression]);
  const simulated = new Date(simulatedAt(clock, now));
  return (
    <section className="clockbar" aria-label="Exercise clock">
      <div className="clockbar__time">
        <span className="clockbar__label">Exercise time</span>
        <output className="clockbar__elapsed" aria-label="Elapsed exercise time">
          {formatElapsed(elapsedAt(clock, now))}
        </output>
        <span className="clockbar__sim">
          {clock.simulatedStart === null ? '—' : simulated.toLocaleString()}
        </span>
        <span className="clockbar__status" role="status">
          {CLOCK_STATUS_LABELS[clock.status]} · {clock.compression}×
        </span>
      </div>
      <div className="clockbar__controls">
        {clock.status === 'ready' && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void act({ type: 'start' })}
          >
            Start
          </button>
        )}
        {clock.status === 'running' && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void act({ type: 'pause' })}
          >
            Pause
          </button>
        )}
        {clock.status === 'paused' && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void act({ type: 'resume' })}
          >
            Resume
          </button>
        )}
        {(clock.status === 'running' || clock.status === 'paused') && (
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => void act({ type: 'end' })}
          >
            End exercise
          </button>
        )}
        <label className="clockbar__speed">
          <span>Compression {speed}×</span>
          <input
            type="range"
            min={MIN_COMPRESSION}
            max={MAX_COMPRESSION}
            value={speed}
            disabled={clock.status === 'ended'}
            onChange={(e) => {
              setSpeed(Number(e.target.value));
            }}
            onPointerUp={() => void act({ type: 'compression', value: speed })}
            onKeyUp={() => void act({ type: 'compression', value: speed })}
            onBlur={() => {
              if (speed !== clock.compression) void act({ type: 'compression', value: speed });
            }}
          />
        </label>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            openParticipantView(exercise.id).catch(reportError);
          }}
        >
          Open participant view
        </button>
      </div>
    </section>
  );
}
