import { useState } from 'react';
import { runEvents } from './changes';
import { nextOpenTask } from './playbook/run-view';
import type { Incident } from '../../../core/incidents';
import { useIncident } from '../../storage/hooks-incidents';
import { useFirstRender } from '../lib/first-render';
import { useRouter } from '../state/router-context';
import { ROOM_TABS, type RoomTab } from './incident-route';
import { EvidencePanel } from './evidence/EvidencePanel';
import { ExportPanel } from './export/ExportPanel';
import { NotificationsPanel } from './notifications/NotificationsPanel';
import { PlaybookPanel } from './playbook/PlaybookPanel';
import { ReviewPanel } from './review/ReviewPanel';
import { RoomHeader } from './RoomHeader';
import { TimelinePanel } from './timeline/TimelinePanel';
import { useActivePlaybook, useRoomCommit } from './use-room';
import { useRoomShortcuts } from './use-room-shortcuts';
import { useRunTimers } from './use-run-timers';

const TAB_LABELS: Readonly<Record<RoomTab, string>> = {
  playbook: 'Playbook',
  timeline: 'Timeline',
  evidence: 'Evidence',
  notifications: 'Notifications',
  review: 'Review',
  export: 'Export',
};

type IncidentRoomProps = {
  readonly incidentId: string;
  /** The tab from the route; when absent (embedded, as in an exercise) the room keeps its own. */
  readonly tab?: RoomTab;
  /** Called when a tab is chosen; absent: the room navigates within the incidents area. */
  readonly onTabChange?: (tab: RoomTab) => void;
};

/**
 * The incident room: one incident's header (severity, status, key times, roles) and its
 * tabs. Time comes from the IncidentClock context, so an exercise can embed the room
 * under its simulated clock; an exercise is marked EXERCISE throughout.
 */
export function IncidentRoom({ incidentId, tab, onTabChange }: IncidentRoomProps) {
  const incident = useIncident(incidentId);
  // Opened straight from a reload: the room is the first screen (start-up benchmark, tests).
  useFirstRender(incident !== undefined);
  if (incident === undefined)
    return (
      <p className="loading" role="status">
        Opening the incident…
      </p>
    );
  if (incident === null)
    return (
      <div className="area-screen__empty" role="alert">
        There is no incident with this id (deleted in another window?).
      </div>
    );
  return <Room incident={incident} tab={tab} onTabChange={onTabChange} />;
}

function Room({
  incident,
  tab,
  onTabChange,
}: {
  readonly incident: Incident;
  readonly tab: RoomTab | undefined;
  readonly onTabChange: ((tab: RoomTab) => void) | undefined;
}) {
  const { navigate } = useRouter();
  const [ownTab, setOwnTab] = useState<RoomTab>('playbook');
  const current = tab ?? ownTab;
  const commit = useRoomCommit(incident.id);
  const playbook = useActivePlaybook(incident);
  useRunTimers(incident, playbook, commit);
  const choose = (next: RoomTab): void => {
    if (onTabChange) onTabChange(next);
    else if (tab !== undefined)
      navigate(
        { area: 'incidents', view: { kind: 'room', id: incident.id, tab: next } },
        { replace: true },
      );
    else setOwnTab(next);
  };
  useRoomShortcuts(choose, () => {
    const next = playbook ? nextOpenTask(incident, playbook) : null;
    if (next && playbook)
      void commit((ctx) =>
        runEvents(ctx, playbook, [
          { type: 'task.completed', taskId: next, at: ctx.at, by: ctx.actor },
        ]),
      );
  });
  const exercise = incident.mode === 'exercise';
  const id = incident.id;
  return (
    <article
      className={exercise ? 'room room--exercise' : 'room'}
      aria-labelledby="room-title"
      data-mode={incident.mode}
    >
      {exercise && (
        <p className="room__exercise-banner" role="note">
          EXERCISE — simulated incident. Nothing here is sent, and it never counts in live metrics.
        </p>
      )}
      <RoomHeader incident={incident} commit={commit} playbook={playbook ?? null} />
      <div className="room__tabbar">
        <div className="room__tabs" role="tablist" aria-label="Incident room">
          {ROOM_TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`room-tab-${t}`}
              aria-selected={t === current}
              aria-controls="room-panel"
              tabIndex={t === current ? 0 : -1}
              className={t === current ? 'room__tab room__tab--on' : 'room__tab'}
              onClick={() => {
                choose(t);
              }}
              onKeyDown={(e) => {
                const i = ROOM_TABS.indexOf(t);
                const to =
                  e.key === 'ArrowRight'
                    ? ROOM_TABS[(i + 1) % ROOM_TABS.length]
                    : e.key === 'ArrowLeft'
                      ? ROOM_TABS[(i - 1 + ROOM_TABS.length) % ROOM_TABS.length]
                      : undefined;
                if (to === undefined) return;
                e.preventDefault();
                choose(to);
                document.getElementById(`room-tab-${to}`)?.focus();
              }}
            >
              {TAB_LABELS[t]}
            </button>
          ))}
        </div>
        <p className="room__keys text-muted">
          <kbd>Alt</kbd>+<kbd>N</kbd> note · <kbd>Alt</kbd>+<kbd>D</kbd> next task done ·{' '}
          <kbd>Alt</kbd>+<kbd>1</kbd>–<kbd>6</kbd> tabs
        </p>
      </div>
      <div
        className="room__panel"
        role="tabpanel"
        id="room-panel"
        aria-labelledby={`room-tab-${current}`}
      >
        {current === 'playbook' && (
          <PlaybookPanel incident={incident} playbook={playbook} commit={commit} />
        )}
        {current === 'timeline' && <TimelinePanel incident={incident} commit={commit} />}
        {current === 'evidence' && <EvidencePanel incident={incident} />}
        {current === 'notifications' && <NotificationsPanel incident={incident} commit={commit} />}
        {current === 'review' && <ReviewPanel incident={incident} commit={commit} />}
        {current === 'export' && <ExportPanel incidentId={id} incident={incident} />}
      </div>
    </article>
  );
}
