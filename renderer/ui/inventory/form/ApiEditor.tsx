import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiEntry } from '../../../../core/inventory';
import { createApi, defaultDeps, getDatabase, updateApi } from '../../../storage';
import { Icon } from '../../components/Icon';
import { Keys } from '../../components/Keys';
import { errorsByField, orderedErrors, renderedKeys } from '../../lib/api-form';
import { clip } from '../../lib/labels';
import { useKeyWithin } from '../../lib/use-key-within';
import { useToday } from '../../lib/use-today';
import { useProblems } from '../../state/problem-context';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { useRouter } from '../../state/router-context';
import { useToasts } from '../../state/toast-context';
import { AccessSection } from './AccessSection';
import { BasicsSection } from './BasicsSection';
import { ClassificationSection } from './ClassificationSection';
import { EnvironmentsField } from './EnvironmentsField';
import { ErrorSummary } from './ErrorSummary';
import { LiveFindings } from './LiveFindings';
import { ReviewSection } from './ReviewSection';
import { useApiForm } from './use-api-form';

/** Creates a new API (entry null) or edits a stored one. */
export function ApiEditor({ entry }: { readonly entry: ApiEntry | null }) {
  const form = useApiForm(entry);
  const today = useToday();
  const { navigate } = useRouter();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const [saving, setSaving] = useState(false);
  const rootRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusSummary = useRef(false);
  const saved = useRef(false);

  const rendered = useMemo(() => renderedKeys(form.form), [form.form]);
  const fieldErrors = useMemo(() => errorsByField(form.errors, rendered), [form.errors, rendered]);
  const summary = useMemo(() => orderedErrors(form.errors), [form.errors]);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  useEffect(() => {
    if (focusSummary.current && summary.length > 0) {
      focusSummary.current = false;
      summaryRef.current?.focus();
    }
  });

  // Leaving with unsaved changes (Cancel, Esc, another row, another area) asks first.
  const { dirty } = form;
  useLeaveGuard(dirty, 'this API', saved);

  const close = (): void => {
    navigate({ area: 'inventory', panel: entry ? { kind: 'view', id: entry.id } : null });
  };

  const save = async (): Promise<void> => {
    if (saving) return;
    const draft = form.attempt();
    if (!draft) {
      focusSummary.current = true;
      return;
    }
    setSaving(true);
    try {
      const db = getDatabase();
      const result = entry
        ? await updateApi(db, entry.id, draft, defaultDeps)
        : await createApi(db, draft, defaultDeps);
      if (!result.ok) {
        form.setStoreErrors(result.errors);
        focusSummary.current = true;
        return;
      }
      saved.current = true;
      notify({ message: `Saved “${clip(result.value.name)}”.` });
      navigate(
        { area: 'inventory', panel: { kind: 'view', id: result.value.id } },
        { replace: entry === null },
      );
    } catch (e) {
      reportError(e, () => void save());
    } finally {
      setSaving(false);
    }
  };

  useKeyWithin(rootRef, (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
  });

  const title = entry ? 'Edit API' : 'New API';
  return (
    <form
      ref={rootRef}
      className="panel panel--editor"
      aria-labelledby="panel-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <header className="panel__header">
        <div className="panel__heading">
          <h2 id="panel-title" className="panel__title">
            {title}
          </h2>
          {entry && <p className="panel__subtitle clamp-1">{entry.name}</p>}
        </div>
        <button type="button" className="icon-button" aria-label="Close editor" onClick={close}>
          <Icon name="x" />
        </button>
      </header>
      <div className="panel__body">
        <LiveFindings draft={form.draft} today={today} />
        <ErrorSummary ref={summaryRef} errors={summary} rendered={rendered} />
        <BasicsSection form={form.form} set={form.set} errors={fieldErrors} nameRef={nameRef} />
        <ClassificationSection form={form.form} set={form.set} errors={fieldErrors} />
        <AccessSection form={form.form} set={form.set} errors={fieldErrors} />
        <section className="form-section" aria-labelledby="form-environments">
          <h3 id="form-environments" className="form-section__title">
            Environments
          </h3>
          <EnvironmentsField
            rows={form.form.environments}
            errors={fieldErrors}
            onChange={(rows) => {
              form.set('environments', rows);
            }}
          />
        </section>
        <ReviewSection form={form.form} set={form.set} errors={fieldErrors} />
      </div>
      <footer className="panel__footer">
        <span className="panel__footer-hint" aria-hidden="true">
          <Keys keys="Mod+Enter" /> to save
        </span>
        <button type="button" className="button button--secondary" onClick={close}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          <Icon name="check" />
          Save API
        </button>
      </footer>
    </form>
  );
}
