import { useState } from 'react';
import type { Incident, IncidentId } from '../../../../core/incidents';
import { getPlatform } from '../../../platform';
import { useProblems } from '../../state/problem-context';
import { useToasts } from '../../state/toast-context';
import { useAppInfo } from '../../lib/use-app-info';
import { useIncidentClock } from '../clock-context';
import { useActorName } from '../use-actor';
import { UNNAMED } from '../use-room';
import { exportIncident, type IncidentExportKind } from './incident-export';

const KINDS: readonly {
  readonly kind: IncidentExportKind;
  readonly label: string;
  readonly hint: string;
}[] = [
  { kind: 'markdown', label: 'Report (Markdown)', hint: 'For a wiki or a ticket.' },
  { kind: 'html', label: 'Report (HTML)', hint: 'One self-contained page.' },
  { kind: 'pdf', label: 'Report (PDF)', hint: 'Printed from the HTML report.' },
  {
    kind: 'bundle',
    label: 'JSON bundle',
    hint: 'Incident, timeline with its hash chain, evidence hashes: `bulwark verify` checks it.',
  },
];

/** Exports: the incident report (Markdown, HTML, PDF) and the JSON bundle. */
export function ExportPanel({
  incident,
}: {
  readonly incidentId: IncidentId;
  readonly incident: Incident;
}) {
  const clock = useIncidentClock();
  const [name] = useActorName();
  const info = useAppInfo();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const [busy, setBusy] = useState<IncidentExportKind | null>(null);
  const run = async (kind: IncidentExportKind): Promise<void> => {
    setBusy(kind);
    try {
      const saved = await exportIncident(getPlatform(), incident, kind, {
        now: clock.now(),
        appVersion: info?.version ?? 'unknown',
        by: name.trim() || UNNAMED,
      });
      if (saved !== null) notify({ message: `Saved ${saved}.`, tone: 'success' });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="room-section" aria-labelledby="export-title">
      <h3 id="export-title" className="room-section__title">
        Export
      </h3>
      {incident.mode === 'exercise' && (
        <p className="room__exercise-banner" role="note">
          EXERCISE — every export is marked as an exercise.
        </p>
      )}
      <p className="text-muted">
        The chain is verified before each export; a tampered timeline is exported as it is, and the
        report says where it breaks.
      </p>
      <ul className="room-export__actions">
        {KINDS.map((k) => (
          <li key={k.kind}>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy !== null}
              aria-describedby={`export-${k.kind}`}
              onClick={() => void run(k.kind)}
            >
              {k.label}
            </button>
            <p id={`export-${k.kind}`} className="text-muted">
              {k.hint}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
