import type { Ref } from 'react';
import type { ApiFormApi } from './use-api-form';

/** What every part of the form receives: the state, its setter and the shown errors. */
export type SectionProps = {
  readonly form: ApiFormApi['form'];
  readonly set: ApiFormApi['set'];
  /** Messages per rendered field key (see errorsByField). */
  readonly errors: Readonly<Record<string, string>>;
  readonly nameRef?: Ref<HTMLInputElement>;
};
