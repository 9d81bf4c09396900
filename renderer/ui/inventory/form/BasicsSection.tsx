import { MAX_NAME } from '../../../../core/inventory';
import type { SectionProps } from './section-props';
import { TextField } from './TextField';

/** Name, description and owner. */
export function BasicsSection({ form, set, errors, nameRef }: SectionProps) {
  return (
    <section className="form-section" aria-labelledby="form-basics">
      <h3 id="form-basics" className="form-section__title">
        Basics
      </h3>
      <TextField
        name="name"
        label="Name"
        required
        value={form.name}
        inputRef={nameRef}
        hint={`What people call it; at most ${String(MAX_NAME)} characters.`}
        error={errors.name}
        onChange={(v) => {
          set('name', v);
        }}
      />
      <TextField
        name="description"
        label="Description"
        multiline
        rows={3}
        value={form.description}
        error={errors.description}
        onChange={(v) => {
          set('description', v);
        }}
      />
      <div className="form-row">
        <TextField
          name="owner.team"
          label="Team"
          value={form.team}
          error={errors['owner.team']}
          onChange={(v) => {
            set('team', v);
          }}
        />
        <TextField
          name="owner.contact"
          label="Contact"
          value={form.contact}
          error={errors['owner.contact']}
          onChange={(v) => {
            set('contact', v);
          }}
        />
      </div>
    </section>
  );
}
