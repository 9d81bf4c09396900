import type { SectionProps } from './section-props';
import { TextField } from './TextField';

/** When the API was last reviewed and when the next review is due. */
export function ReviewSection({ form, set, errors }: SectionProps) {
  return (
    <section className="form-section" aria-labelledby="form-reviews">
      <h3 id="form-reviews" className="form-section__title">
        Reviews
      </h3>
      <div className="form-row">
        <TextField
          name="lastReviewed"
          label="Last reviewed"
          type="date"
          value={form.lastReviewed}
          error={errors.lastReviewed}
          onChange={(v) => {
            set('lastReviewed', v);
          }}
        />
        <TextField
          name="nextReviewDue"
          label="Next review due"
          type="date"
          value={form.nextReviewDue}
          hint="Past this date the API is flagged as overdue."
          error={errors.nextReviewDue}
          onChange={(v) => {
            set('nextReviewDue', v);
          }}
        />
      </div>
    </section>
  );
}
