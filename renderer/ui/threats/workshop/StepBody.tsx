import type { ThreatModelRecord } from '../../../../core/workspace/records';
import type { WorkshopStep } from '../../lib/route';
import { DescribeStep } from '../describe/DescribeStep';
import { IdentifyStep } from '../identify/IdentifyStep';
import { MitigateStep } from '../mitigate/MitigateStep';
import { RateStep } from '../rate/RateStep';
import { ReviewStep } from '../review/ReviewStep';
import { ScopeStep } from './ScopeStep';

type StepBodyProps = { readonly model: ThreatModelRecord; readonly step: WorkshopStep };

/** The screen of the current step. */
export function StepBody({ model, step }: StepBodyProps) {
  switch (step) {
    case 'scope':
      return <ScopeStep model={model} />;
    case 'describe':
      return <DescribeStep model={model} />;
    case 'identify':
      return <IdentifyStep model={model} />;
    case 'rate':
      return <RateStep model={model} />;
    case 'mitigate':
      return <MitigateStep model={model} />;
    case 'review':
      return <ReviewStep model={model} />;
  }
}
