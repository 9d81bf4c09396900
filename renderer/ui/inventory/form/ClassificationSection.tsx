import { DATA_CLASSES, EXPOSURES, LABELS, LIFECYCLES } from '../../../../core/inventory';
import { toggleIn } from '../../lib/api-form';
import { ChoiceGroup } from './ChoiceGroup';
import { RegimesField } from './RegimesField';
import type { SectionProps } from './section-props';

/** Lifecycle, exposure, data classes and regulatory scope: what decides sensitivity and findings. */
export function ClassificationSection({ form, set, errors }: SectionProps) {
  return (
    <section className="form-section" aria-labelledby="form-classification">
      <h3 id="form-classification" className="form-section__title">
        Exposure and data
      </h3>
      <div className="form-row">
        <ChoiceGroup
          name="lifecycle"
          legend="Lifecycle"
          type="radio"
          options={LIFECYCLES}
          labels={LABELS.lifecycle}
          selected={[form.lifecycle]}
          error={errors.lifecycle}
          columns={2}
          onToggle={(v) => {
            set('lifecycle', v);
          }}
        />
        <ChoiceGroup
          name="exposure"
          legend="Exposure"
          type="radio"
          options={EXPOSURES}
          labels={LABELS.exposure}
          selected={[form.exposure]}
          error={errors.exposure}
          columns={2}
          onToggle={(v) => {
            set('exposure', v);
          }}
        />
      </div>
      <ChoiceGroup
        name="dataClasses"
        legend="Data classes"
        hint="Every kind of data the API receives or returns. Sensitivity follows from these."
        type="checkbox"
        options={DATA_CLASSES}
        labels={LABELS.dataClass}
        selected={form.dataClasses}
        error={errors.dataClasses}
        columns={3}
        onToggle={(v, on) => {
          set('dataClasses', toggleIn(form.dataClasses, v, on, DATA_CLASSES));
        }}
      />
      <RegimesField
        value={form.regulatoryScope}
        error={errors.regulatoryScope}
        onChange={(v) => {
          set('regulatoryScope', v);
        }}
      />
    </section>
  );
}
