import { useEffect, useRef, useState } from 'react';
import {
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type ChainHead,
  type IncidentId,
} from '../../../../core/incidents';
import { getDatabase } from '../../../storage';
import { readTimeline, timelineRange } from '../../../storage/incidents';

/** What the chain badge shows. */
export type ChainStatus =
  | { readonly state: 'checking'; readonly checked: number; readonly total: number }
  | { readonly state: 'intact'; readonly length: number }
  | { readonly state: 'tampered'; readonly seq: number; readonly message: string };

// Verified in slices read from storage, yielding between them so a 100,000-entry timeline
// never freezes the room; afterwards only new entries are checked, against the last
// verified hash. Each entry's hash is recomputed by core (entryHash); at the first
// mismatch core's verifyChain runs over the whole timeline to name what went wrong.
const SLICE = 500;
const START_AFTER_MS = 300;

/** Verifies the incident's chain in the background and keeps the verdict current. */
export function useChainStatus(incidentId: IncidentId, head: ChainHead | undefined): ChainStatus {
  const [status, setStatus] = useState<ChainStatus>({ state: 'checking', checked: 0, total: 0 });
  const verified = useRef<{ seq: number; hash: string }>({ seq: -1, hash: GENESIS_HASH });
  const failed = useRef(false);
  const target = head?.seq ?? -1;

  useEffect(() => {
    if (head === undefined || failed.current) return;
    let cancelled = false;
    // Read through a function: the flag changes while this loop awaits.
    const stopped = (): boolean => cancelled;
    const total = target + 1;
    const run = async (): Promise<void> => {
      while (!stopped() && verified.current.seq < target) {
        const from = verified.current.seq + 1;
        const rows = await timelineRange(
          getDatabase(),
          incidentId,
          from,
          Math.min(from + SLICE, total),
        );
        if (stopped()) return;
        let { seq, hash } = verified.current;
        for (const e of rows) {
          if (e.seq !== seq + 1 || e.prevHash !== hash || entryHash(e) !== e.hash) {
            failed.current = true;
            const all = await readTimeline(getDatabase(), incidentId);
            const verdict = verifyChain(all, { incidentId });
            if (!stopped())
              setStatus(
                verdict.ok
                  ? {
                      state: 'tampered',
                      seq: e.seq,
                      message: `Entry ${String(e.seq)} does not link to its predecessor.`,
                    }
                  : { state: 'tampered', seq: verdict.firstBad, message: verdict.message },
              );
            return;
          }
          seq = e.seq;
          hash = e.hash;
        }
        if (rows.length === 0) break;
        verified.current = { seq, hash };
        setStatus(
          seq >= target
            ? { state: 'intact', length: seq + 1 }
            : { state: 'checking', checked: seq + 1, total },
        );
        await new Promise((r) => setTimeout(r, 0));
      }
      if (!stopped() && verified.current.seq === target && target === -1)
        setStatus({ state: 'intact', length: 0 });
    };
    // The first check of a long timeline waits for the room to be on screen; later ones
    // (one new entry) run at once.
    const timer = setTimeout(
      () => {
        void run();
      },
      verified.current.seq < 0 ? START_AFTER_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [incidentId, head, target]);
  return status;
}
