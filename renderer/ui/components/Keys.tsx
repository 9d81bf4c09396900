import { describeKeys } from '../lib/shortcuts';
import { isMac } from '../lib/dom';

type KeysProps = { readonly keys: string };

/** A shortcut as keycaps: "Ctrl K", or "G" then "I" for a sequence. */
export function Keys({ keys }: KeysProps) {
  const strokes = describeKeys(keys, isMac());
  return (
    <span className="keys">
      {strokes.map((stroke, i) => (
        <span key={`${String(i)}-${stroke}`} className="keys__stroke">
          {i > 0 && <span className="keys__then">then</span>}
          <kbd>{stroke}</kbd>
        </span>
      ))}
    </span>
  );
}
