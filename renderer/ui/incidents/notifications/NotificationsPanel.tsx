import { useState } from 'react';
import {
  AUDIENCE_LABELS,
  draftNotification,
  notificationToEml,
  notificationToText,
  NOTIFICATION_TEMPLATES,
  templateById,
  type Incident,
  type IncidentNotification,
  type NotificationId,
} from '../../../../core/incidents';
import { getPlatform } from '../../../platform';
import { useApis } from '../../../storage';
import { useProblems } from '../../state/problem-context';
import { useToasts } from '../../state/toast-context';
import { markNotificationSent, saveNotification } from '../changes';
import { useIncidentClock } from '../clock-context';
import { fileStem } from '../export/file-stem';
import { formatWhen } from '../time-format';
import { useActorName } from '../use-actor';
import { useActivePlaybook, UNNAMED, type MakeChange } from '../use-room';
import { ClocksSection } from './ClocksSection';

type PanelProps = {
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
};

/**
 * Notifications: the regulatory clocks, then messages per audience drafted from templates
 * filled from the incident. Bulwark never sends anything: people send through their own
 * channels, then mark the message sent (who and when are recorded), or export it as text
 * or as an .eml draft.
 */
export function NotificationsPanel({ incident, commit }: PanelProps) {
  const exercise = incident.mode === 'exercise';
  return (
    <div className="room-notifications">
      {exercise && (
        <p className="room__exercise-banner" role="note">
          EXERCISE — drafts are marked as an exercise, and nothing is ever sent.
        </p>
      )}
      <ClocksSection incident={incident} commit={commit} />
      <NewNotification incident={incident} commit={commit} />
      <section className="room-section" aria-labelledby="notices-title">
        <h3 id="notices-title" className="room-section__title">
          Messages ({incident.notifications.length})
        </h3>
        {incident.notifications.length === 0 ? (
          <p className="text-muted">No message drafted yet.</p>
        ) : (
          <ul className="notices">
            {[...incident.notifications].reverse().map((n) => (
              <NotificationItem key={n.id} incident={incident} notification={n} commit={commit} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function NewNotification({ incident, commit }: PanelProps) {
  const apis = useApis();
  const clock = useIncidentClock();
  const [name] = useActorName();
  const [templateId, setTemplateId] = useState(NOTIFICATION_TEMPLATES[0]?.id ?? '');
  const [clockId, setClockId] = useState('');
  const running = incident.clocks.filter((c) => !c.dismissed);
  return (
    <section className="room-section" aria-labelledby="new-notice-title">
      <h3 id="new-notice-title" className="room-section__title">
        Draft a message
      </h3>
      <form
        className="room-form"
        onSubmit={(e) => {
          e.preventDefault();
          const template = templateById(templateId);
          if (!template) return;
          const instance = running.find((c) => c.clockId === clockId);
          const draft = draftNotification({
            id: crypto.randomUUID() as NotificationId,
            template,
            incident,
            by: name.trim() || UNNAMED,
            now: clock.now(),
            apis: apis ?? [],
            ...(instance
              ? { clock: { clockId: instance.clockId, deadlineAt: instance.deadlineAt } }
              : {}),
          });
          void commit((ctx) => saveNotification(ctx, draft));
        }}
      >
        <label className="room-form__field room-form__field--wide">
          <span>Template</span>
          <select
            className="field__control"
            value={templateId}
            onChange={(e) => {
              setTemplateId(e.target.value);
            }}
          >
            {NOTIFICATION_TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {AUDIENCE_LABELS[t.audience]}: {t.title}
              </option>
            ))}
          </select>
        </label>
        <label className="room-form__field">
          <span>For regulatory clock</span>
          <select
            className="field__control"
            value={clockId}
            onChange={(e) => {
              setClockId(e.target.value);
            }}
          >
            <option value="">None</option>
            {running.map((c) => (
              <option key={c.clockId} value={c.clockId}>
                {c.clockId}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary">
          Draft message
        </button>
      </form>
    </section>
  );
}

function NotificationItem({
  incident,
  notification: n,
  commit,
}: {
  readonly incident: Incident;
  readonly notification: IncidentNotification;
  readonly commit: (make: MakeChange) => Promise<unknown>;
}) {
  const playbook = useActivePlaybook(incident);
  const clock = useIncidentClock();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const [to, setTo] = useState(n.to);
  const [subject, setSubject] = useState(n.subject);
  const [body, setBody] = useState(n.body);
  const sent = n.status === 'sent';
  const dirty = to !== n.to || subject !== n.subject || body !== n.body;
  const id = `notice-${n.id}`;
  const save = async (kind: 'txt' | 'eml'): Promise<void> => {
    const current = { ...n, to, subject, body };
    const stem = `${fileStem(incident.title)}-${n.audience}`;
    try {
      const r = await getPlatform().saveFile(
        kind === 'txt'
          ? {
              suggestedName: `${stem}.txt`,
              content: notificationToText(current),
              mimeType: 'text/plain',
              filters: [{ name: 'Text', extensions: ['txt'] }],
            }
          : {
              suggestedName: `${stem}.eml`,
              content: notificationToEml(current, {
                date: clock.now(),
                incidentId: incident.id,
                exercise: incident.mode === 'exercise',
              }),
              mimeType: 'message/rfc822',
              filters: [{ name: 'E-mail draft', extensions: ['eml'] }],
            },
      );
      if (r.saved) notify({ message: `Saved ${r.fileName}.`, tone: 'success' });
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <li className={sent ? 'notice notice--sent' : 'notice'} aria-labelledby={`${id}-title`}>
      <div className="notice__head">
        <h4 id={`${id}-title`} className="notice__title">
          {AUDIENCE_LABELS[n.audience]} · {templateById(n.templateId)?.title ?? n.templateId}
        </h4>
        <span className={sent ? 'notice__state notice__state--sent' : 'notice__state'}>
          {sent && n.sentAt !== undefined
            ? `Sent ${formatWhen(n.sentAt, incident.timeZone)} by ${n.sentBy ?? '?'}`
            : 'Draft'}
        </span>
      </div>
      <div className="room-form room-form--stack">
        <label className="room-form__field">
          <span>To</span>
          <input
            className="field__control"
            value={to}
            readOnly={sent}
            onChange={(e) => {
              setTo(e.target.value);
            }}
          />
        </label>
        <label className="room-form__field">
          <span>Subject</span>
          <input
            className="field__control"
            value={subject}
            readOnly={sent}
            onChange={(e) => {
              setSubject(e.target.value);
            }}
          />
        </label>
        <label className="room-form__field">
          <span>Message</span>
          <textarea
            className="field__control notice__body"
            rows={8}
            value={body}
            readOnly={sent}
            onChange={(e) => {
              setBody(e.target.value);
            }}
          />
        </label>
      </div>
      <div className="room-form">
        {!sent && (
          <button
            type="button"
            className="button button--secondary"
            disabled={!dirty}
            onClick={() => {
              void commit((ctx) => saveNotification(ctx, { ...n, to, subject, body }));
            }}
          >
            Save changes
          </button>
        )}
        {!sent && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              void commit((ctx) => {
                const saveFirst = saveNotification(ctx, { ...n, to, subject, body });
                const mark = markNotificationSent(ctx, n.id, playbook ?? null);
                return (incident) => {
                  const saved = dirty ? saveFirst(incident) : null;
                  const marked = mark(saved?.incident ?? incident);
                  return (
                    marked && {
                      incident: marked.incident,
                      entries: [...(saved?.entries ?? []), ...marked.entries],
                    }
                  );
                };
              });
            }}
          >
            Mark sent
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => void save('txt')}>
          Export .txt
        </button>
        <button type="button" className="button button--secondary" onClick={() => void save('eml')}>
          Export .eml
        </button>
      </div>
    </li>
  );
}
