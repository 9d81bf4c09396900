import { useState } from 'react';
import {
  CUSTODY_ACTIONS,
  type CustodyAction,
  type Evidence,
  type EvidenceId,
  type Incident,
} from '../../../../core/incidents';
import { getDatabase } from '../../../storage';
import { useEvidence } from '../../../storage/hooks-incidents';
import { addCustodyEvent, addEvidence } from '../../../storage/incidents';
import { formatBytes } from '../../lib/format';
import { useProblems } from '../../state/problem-context';
import { useToasts } from '../../state/toast-context';
import { entry } from '../changes';
import { useIncidentClock } from '../clock-context';
import { formatWhen } from '../time-format';
import { useActorName } from '../use-actor';
import { UNNAMED } from '../use-room';
import {
  hashEvidence,
  readEvidenceFile,
  verifyStoredEvidence,
  MAX_EVIDENCE_BYTES,
} from './evidence-content';

/** Evidence: files or text with SHA-256, source, collector and the chain of custody. */
export function EvidencePanel({ incident }: { readonly incident: Incident }) {
  const items = useEvidence(incident.id);
  return (
    <div className="room-evidence">
      <AddEvidence incident={incident} />
      <section className="room-section" aria-labelledby="evidence-list-title">
        <h3 id="evidence-list-title" className="room-section__title">
          Evidence ({items?.length ?? 0})
        </h3>
        {items === undefined ? (
          <p className="loading" role="status">
            Loading evidence…
          </p>
        ) : items.length === 0 ? (
          <p className="text-muted">No evidence yet.</p>
        ) : (
          <ul className="evidence-list">
            {items.map((e) => (
              <EvidenceItem key={e.id} item={e} incident={incident} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function useActor(): string {
  const [name] = useActorName();
  return name.trim() || UNNAMED;
}

function AddEvidence({ incident }: { readonly incident: Incident }) {
  const clock = useIncidentClock();
  const actor = useActor();
  const { reportError } = useProblems();
  const { notify } = useToasts();
  const [kind, setKind] = useState<'text' | 'file'>('text');
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [description, setDescription] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    setError(null);
    try {
      const content =
        kind === 'text'
          ? {
              encoding: 'utf8' as const,
              content: text,
              bytes: new TextEncoder().encode(text),
              mediaType: 'text/plain',
            }
          : file
            ? await readEvidenceFile(file)
            : null;
      if (content === null) {
        setError('Choose a file.');
        return;
      }
      const label = name.trim() || (kind === 'file' && file ? file.name : '');
      if (label === '') {
        setError('Give the evidence a name.');
        return;
      }
      const at = clock.now();
      const id = crypto.randomUUID() as EvidenceId;
      const sha256 = hashEvidence(content.bytes);
      const item: Evidence = {
        id,
        incidentId: incident.id,
        name: label,
        kind,
        mediaType: content.mediaType,
        size: content.bytes.byteLength,
        sha256,
        source: source.trim(),
        collectedBy: actor,
        collectedAt: at,
        description: description.trim(),
        custody: [{ at, by: actor, action: 'collected', note: source.trim() }],
      };
      const recordedAt = Date.now();
      await addEvidence(
        getDatabase(),
        item,
        { id, encoding: content.encoding, content: content.content },
        entry(
          { at, recordedAt, actor },
          'evidence-added',
          `Evidence added: ${label} (SHA-256 ${sha256.slice(0, 16)}…)`,
          {
            evidenceId: id,
            sha256,
            size: item.size,
          },
        ),
        recordedAt,
      );
      notify({ message: `Evidence “${label}” stored.`, tone: 'success' });
      setName('');
      setSource('');
      setDescription('');
      setText('');
      setFile(null);
    } catch (e) {
      if (e instanceof RangeError) setError(e.message);
      else reportError(e);
    }
  };

  return (
    <section className="room-section" aria-labelledby="evidence-add-title">
      <h3 id="evidence-add-title" className="room-section__title">
        Add evidence
      </h3>
      <form
        className="room-form room-form--stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <fieldset className="choice-group">
          <legend className="field__label">Kind</legend>
          <div className="choice-group__options choice-group__options--2">
            {(['text', 'file'] as const).map((k) => (
              <label key={k} className="choice">
                <input
                  type="radio"
                  name="evidence-kind"
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                  }}
                />
                {k === 'text' ? 'Text (log lines, headers)' : 'File'}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="room-form">
          <label className="room-form__field">
            <span>Name</span>
            <input
              className="field__control"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
              }}
            />
          </label>
          <label className="room-form__field">
            <span>Source</span>
            <input
              className="field__control"
              value={source}
              placeholder="System, log, person"
              onChange={(e) => {
                setSource(e.target.value);
              }}
            />
          </label>
        </div>
        <label className="room-form__field">
          <span>Description</span>
          <input
            className="field__control"
            value={description}
            onChange={(e) => {
              setDescription(e.target.value);
            }}
          />
        </label>
        {kind === 'text' ? (
          <label className="room-form__field">
            <span>Content</span>
            <textarea
              className="field__control mono"
              rows={4}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
              }}
            />
          </label>
        ) : (
          <label className="room-form__field">
            <span>File (at most {formatBytes(MAX_EVIDENCE_BYTES)})</span>
            <input
              type="file"
              className="field__control"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
              }}
            />
          </label>
        )}
        <div>
          <button type="submit" className="button button--primary">
            Store evidence
          </button>
        </div>
      </form>
    </section>
  );
}

function EvidenceItem({
  item,
  incident,
}: {
  readonly item: Evidence;
  readonly incident: Incident;
}) {
  const clock = useIncidentClock();
  const actor = useActor();
  const { reportError } = useProblems();
  const { notify } = useToasts();
  const [action, setAction] = useState<CustodyAction>('transferred');
  const [note, setNote] = useState('');

  const record = async (what: CustodyAction, text: string): Promise<void> => {
    const at = clock.now();
    const recordedAt = Date.now();
    try {
      await addCustodyEvent(
        getDatabase(),
        item.id,
        { at, by: actor, action: what, note: text },
        entry(
          { at, recordedAt, actor },
          'custody',
          `Custody of ${item.name}: ${what}${text ? ` (${text})` : ''}`,
          {
            evidenceId: item.id,
            action: what,
          },
        ),
        recordedAt,
      );
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <li className="evidence">
      <h4 className="evidence__name">{item.name}</h4>
      <dl className="evidence__facts">
        <dt>SHA-256</dt>
        <dd className="mono evidence__hash">{item.sha256}</dd>
        <dt>Kind</dt>
        <dd>
          {item.kind}, {item.mediaType}, {formatBytes(item.size)}
        </dd>
        <dt>Source</dt>
        <dd>{item.source || '—'}</dd>
        <dt>Collected</dt>
        <dd>
          {formatWhen(item.collectedAt, incident.timeZone)} by {item.collectedBy}
        </dd>
        {item.description && (
          <>
            <dt>Description</dt>
            <dd>{item.description}</dd>
          </>
        )}
      </dl>
      <ol className="evidence__custody" aria-label={`Chain of custody of ${item.name}`}>
        {item.custody.map((c, i) => (
          <li key={`${String(i)}-${String(c.at)}`}>
            {formatWhen(c.at, incident.timeZone)} · {c.action} by {c.by}
            {c.note ? ` — ${c.note}` : ''}
          </li>
        ))}
      </ol>
      <form
        className="room-form"
        onSubmit={(e) => {
          e.preventDefault();
          void record(action, note.trim());
          setNote('');
        }}
      >
        <label className="room-form__field">
          <span>Custody action</span>
          <select
            className="field__control"
            value={action}
            onChange={(e) => {
              setAction(e.target.value as CustodyAction);
            }}
          >
            {CUSTODY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="room-form__field room-form__field--wide">
          <span>Note</span>
          <input
            className="field__control"
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
        </label>
        <button
          type="submit"
          className="button button--secondary"
          aria-label={`Record custody of ${item.name}`}
        >
          Record
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void verifyStoredEvidence(item).then((ok) => {
              notify({
                message: ok
                  ? `${item.name}: content matches its SHA-256.`
                  : `${item.name}: content does NOT match its SHA-256.`,
                tone: ok ? 'success' : 'error',
              });
              return record('verified', ok ? 'SHA-256 matches' : 'SHA-256 MISMATCH');
            });
          }}
        >
          Verify hash
        </button>
      </form>
    </li>
  );
}
