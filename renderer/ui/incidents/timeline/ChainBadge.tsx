import type { ChainStatus } from './use-chain-status';

/** The verdict on the timeline's hash chain, always visible above it. */
export function ChainBadge({ status }: { readonly status: ChainStatus }) {
  if (status.state === 'checking')
    return (
      <span className="chain-badge chain-badge--checking" role="status">
        Checking the chain… {status.checked.toLocaleString('en')} of{' '}
        {status.total.toLocaleString('en')}
      </span>
    );
  if (status.state === 'intact')
    return (
      <span className="chain-badge chain-badge--intact" role="status">
        <span aria-hidden="true">✓</span> Chain intact ({status.length.toLocaleString('en')}{' '}
        entries)
      </span>
    );
  return (
    <span className="chain-badge chain-badge--tampered" role="alert" title={status.message}>
      <span aria-hidden="true">⚠</span> Tampered at entry {status.seq}: {status.message}
    </span>
  );
}
