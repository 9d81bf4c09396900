import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { ReviewSummary } from './ReviewSummary';
import { SignOffForm } from './SignOffForm';
import { VersionCompare } from './VersionCompare';
import { VersionList } from './VersionList';

/** Step 6: the figures, the sign-off, the versions and a side-by-side comparison. */
export function ReviewStep({ model }: { readonly model: ThreatModelRecord }) {
  return (
    <div className="review">
      <ReviewSummary model={model} />
      <div className="review__columns">
        <SignOffForm model={model} />
        <VersionList model={model} />
      </div>
      {model.versions.length >= 1 && <VersionCompare model={model} />}
    </div>
  );
}
