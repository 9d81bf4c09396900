import { useMemo, useState } from 'react';
import {
  emptyDraft,
  validateDraft,
  type ApiDraft,
  type ApiEntry,
  type FieldErrors,
} from '../../../../core/inventory';
import { draftFromForm, formFromDraft, isDirty, type ApiFormState } from '../../lib/api-form';

export type ApiFormApi = {
  readonly form: ApiFormState;
  /** The form as the draft the repository stores (also what live findings read). */
  readonly draft: ApiDraft;
  readonly set: <K extends keyof ApiFormState>(key: K, value: ApiFormState[K]) => void;
  /** Errors to show: none before the first save attempt, then live as the person fixes them. */
  readonly errors: FieldErrors;
  readonly dirty: boolean;
  /** Marks a save attempt; returns the draft when it validates, else null. */
  readonly attempt: () => ApiDraft | null;
  /** Errors the repository returned (its own validation, or "no longer exists"). */
  readonly setStoreErrors: (errors: FieldErrors) => void;
};

/** The editor's state: the form, its validation, and whether it has changed. */
export function useApiForm(entry: ApiEntry | null): ApiFormApi {
  // The starting point is fixed when the editor opens: a live update of the stored
  // entry must not move it, or the person's changes would stop counting as changes.
  const [initial] = useState(() => formFromDraft(entry ?? emptyDraft()));
  const [form, setForm] = useState<ApiFormState>(initial);
  const [attempted, setAttempted] = useState(false);
  const [storeErrors, setStoreErrors] = useState<FieldErrors>({});

  const draft = useMemo(() => draftFromForm(form), [form]);
  const validation = useMemo(() => validateDraft(draft), [draft]);
  const errors = useMemo<FieldErrors>(
    () => (attempted ? { ...storeErrors, ...(validation.ok ? {} : validation.errors) } : {}),
    [attempted, storeErrors, validation],
  );
  const dirty = useMemo(() => isDirty(initial, form), [initial, form]);

  const set = <K extends keyof ApiFormState>(key: K, value: ApiFormState[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
  };

  const attempt = (): ApiDraft | null => {
    setAttempted(true);
    setStoreErrors({});
    return validation.ok ? draft : null;
  };

  return { form, draft, set, errors, dirty, attempt, setStoreErrors };
}
