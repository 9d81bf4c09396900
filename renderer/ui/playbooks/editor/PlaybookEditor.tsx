import { useId, useMemo, useRef, useState } from 'react';
import { validatePlaybook, type PlaybookError } from '../../../../core/playbooks';
import { defaultDeps, getDatabase } from '../../../storage';
import { getUserPlaybook, saveUserPlaybook } from '../../../storage/playbooks';
import { clip } from '../../lib/labels';
import { useKeyWithin } from '../../lib/use-key-within';
import { useProblems } from '../../state/problem-context';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { useRouter } from '../../state/router-context';
import { useToasts } from '../../state/toast-context';
import { PlaybookDiagram } from '../PlaybookDiagram';
import { EditorErrors } from './EditorErrors';
import { LineGutter } from './LineGutter';
import { offsetOf, useLiveValidation } from './use-live-validation';

type PlaybookEditorProps = {
  readonly initialSource: string;
  /** The stored playbook being edited; null for a new playbook or a copy. */
  readonly editingId: string | null;
  /** A new playbook or a copy is unsaved until saved, even before any typing. */
  readonly unsavedFromStart: boolean;
};

const FILE_NAME = 'playbook.yaml';

/** The YAML editor: live validation, a live diagram of the last valid version, Save. */
export function PlaybookEditor({
  initialSource,
  editingId,
  unsavedFromStart,
}: PlaybookEditorProps) {
  const [text, setText] = useState(initialSource);
  const [saveErrors, setSaveErrors] = useState<readonly PlaybookError[]>([]);
  const [saving, setSaving] = useState(false);
  const live = useLiveValidation(text, FILE_NAME);
  const { navigate } = useRouter();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const area = useRef<HTMLTextAreaElement>(null);
  const root = useRef<HTMLElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const saved = useRef(false);
  const errorsHeadingId = useId();
  const editorId = useId();
  const errors = useMemo(
    () => (saveErrors.length > 0 ? saveErrors : live.result.ok ? [] : live.result.errors),
    [saveErrors, live.result],
  );

  const lineCount = useMemo(() => text.split('\n').length, [text]);
  const errorLines = useMemo(() => new Set(errors.map((e) => e.line)), [errors]);

  const dirty = unsavedFromStart || text !== initialSource;
  useLeaveGuard(dirty, 'this playbook', saved);

  const goTo = (e: PlaybookError): void => {
    const el = area.current;
    if (!el) return;
    const at = offsetOf(text, e.line, e.column);
    el.focus();
    el.setSelectionRange(at, at);
    // The text does not wrap, so line n sits n - 1 line heights from the top.
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (e.line - 1) * lineHeight - el.clientHeight / 3);
  };

  const save = async (): Promise<void> => {
    if (saving) return;
    // Validate now, not after the pause: Save must never store what the list did not show.
    const checked = validatePlaybook(text, FILE_NAME);
    if (!checked.ok) {
      setSaveErrors(checked.errors);
      notify({ message: 'Not saved: the playbook has errors.', tone: 'error' });
      return;
    }
    setSaving(true);
    try {
      const db = getDatabase();
      const id = checked.playbook.id;
      if (id !== editingId && (await getUserPlaybook(db, id)) !== undefined) {
        setSaveErrors([
          {
            file: FILE_NAME,
            line: 1,
            column: 1,
            path: 'id',
            message: `Another of your playbooks already has the id “${id}”. Choose a new id.`,
          },
        ]);
        return;
      }
      const r = await saveUserPlaybook(db, text, defaultDeps, FILE_NAME);
      if (!r.ok) {
        setSaveErrors(r.errors);
        return;
      }
      saved.current = true;
      notify({
        message:
          editingId !== null && editingId !== id
            ? `Saved “${clip(r.value.title)}” under the new id ${id}; the playbook ${editingId} is kept.`
            : `Saved “${clip(r.value.title)}”.`,
        tone: 'success',
      });
      navigate({ area: 'playbooks', view: { kind: 'view', id: r.value.id } }, { replace: true });
    } catch (e) {
      reportError(e, () => void save());
    } finally {
      setSaving(false);
    }
  };

  const cancel = (): void => {
    navigate(
      editingId === null
        ? { area: 'playbooks', view: { kind: 'list' } }
        : { area: 'playbooks', view: { kind: 'view', id: editingId } },
    );
  };

  useKeyWithin(root, (e) => {
    if (e.key.toLowerCase() === 's' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  });

  const status = live.pending
    ? 'Checking…'
    : errors.length === 0
      ? 'No errors. Ready to save.'
      : `${String(errors.length)} ${errors.length === 1 ? 'error' : 'errors'}`;

  return (
    <section ref={root} className="playbook-editor" aria-labelledby="playbook-editor-title">
      <header className="playbook-editor__header">
        <h2 id="playbook-editor-title" className="area-screen__title">
          {editingId === null ? 'New playbook' : 'Edit playbook'}
        </h2>
        <span className="text-muted">Ctrl+S or ⌘S saves</span>
        <button type="button" className="button button--secondary" onClick={cancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={saving}
          onClick={() => void save()}
        >
          Save playbook
        </button>
      </header>
      <div className="playbook-editor__body">
        <div className="playbook-editor__source">
          <label htmlFor={editorId} className="field__label">
            Playbook YAML
          </label>
          <div className="playbook-editor__frame">
            <LineGutter ref={gutter} lines={lineCount} errorLines={errorLines} />
            <textarea
              id={editorId}
              ref={area}
              className="playbook-editor__text"
              value={text}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              wrap="off"
              aria-describedby={errorsHeadingId}
              onScroll={(e) => {
                if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
              }}
              onChange={(e) => {
                setText(e.target.value);
                setSaveErrors([]);
              }}
            />
          </div>
        </div>
        <div className="playbook-editor__side">
          <div className="playbook-editor__check">
            <h3 id={errorsHeadingId} className="playbook__section-title" aria-live="polite">
              {`Validation: ${status}`}
            </h3>
            {errors.length > 0 && (
              <EditorErrors errors={errors} onGoTo={goTo} headingId={errorsHeadingId} />
            )}
          </div>
          {live.lastValid ? (
            <PlaybookDiagram
              playbook={live.lastValid}
              label={`Live state diagram of ${live.lastValid.title}`}
            />
          ) : (
            <p className="text-muted">The diagram appears once the playbook validates.</p>
          )}
        </div>
      </div>
    </section>
  );
}
