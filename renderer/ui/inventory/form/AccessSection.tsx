import { AUTH_METHODS, LABELS, MAX_SHORT } from '../../../../core/inventory';
import { toggleAuth } from '../../lib/api-form';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './section-props';
import { TextField } from './TextField';

/** Authentication, gateway and rate limits. */
export function AccessSection({ form, set, errors }: SectionProps) {
  return (
    <section className="form-section" aria-labelledby="form-access">
      <h3 id="form-access" className="form-section__title">
        Access
      </h3>
      <ChoiceGroup
        name="authentication"
        legend="Authentication"
        hint="“None” means anyone can call it; it cannot be combined with another method."
        type="checkbox"
        options={AUTH_METHODS}
        labels={LABELS.auth}
        selected={form.authentication}
        error={errors.authentication}
        columns={4}
        onToggle={(v, on) => {
          set('authentication', toggleAuth(form.authentication, v, on, AUTH_METHODS));
        }}
      />
      <div className="form-row">
        <TextField
          name="gateway"
          label="Gateway notes"
          multiline
          rows={2}
          value={form.gateway}
          hint={`Which gateway or WAF fronts it. At most ${String(MAX_SHORT)} characters.`}
          error={errors.gateway}
          onChange={(v) => {
            set('gateway', v);
          }}
        />
        <TextField
          name="rateLimit"
          label="Rate-limit notes"
          multiline
          rows={2}
          value={form.rateLimit}
          hint="Limits per client, per key or per IP."
          error={errors.rateLimit}
          onChange={(v) => {
            set('rateLimit', v);
          }}
        />
      </div>
    </section>
  );
}
