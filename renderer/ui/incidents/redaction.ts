import { maskedKinds, redactSecrets } from '../../../core/incidents/redact';
import type { RedactedNote } from './changes';

/** A note with every secret core recognises masked, and the kinds masked (the visible marker). */
export function redactNote(text: string): RedactedNote {
  const r = redactSecrets(text);
  return { text: r.text, masked: maskedKinds(r.findings) };
}
