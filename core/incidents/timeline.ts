import { sha256HexOfBytes } from './chain';
import { maskedKinds, redactSecrets, type SecretFinding } from './redact';
import type {
  CustodyEvent,
  Evidence,
  EvidenceId,
  IncidentId,
  JsonValue,
  TimelineDraft,
  TimelineKind,
} from './types';

// Small builders the incident room uses to record actions: every free text that goes
// into the timeline passes through the secret redactor first, so a secret never reaches
// storage, and the entry says which kinds were masked.

/**
 * A timeline draft whose text has been scanned for secrets and masked (`masked` lists
 * the kinds). Use for notes and for every other free text a person typed.
 */
export function redactedDraft(p: {
  readonly kind: TimelineKind;
  readonly text: string;
  readonly actor: string;
  readonly at: number;
  readonly recordedAt: number;
  readonly data?: JsonValue;
}): { readonly draft: TimelineDraft; readonly findings: readonly SecretFinding[] } {
  const { text, findings } = redactSecrets(p.text);
  return {
    draft: {
      at: p.at,
      recordedAt: p.recordedAt,
      actor: p.actor,
      kind: p.kind,
      text,
      ...(p.data !== undefined ? { data: p.data } : {}),
      ...(findings.length ? { masked: maskedKinds(findings) } : {}),
    },
    findings,
  };
}

/** A note for the timeline, secrets masked. */
export function noteDraft(p: {
  readonly text: string;
  readonly actor: string;
  readonly at: number;
  readonly recordedAt: number;
}): { readonly draft: TimelineDraft; readonly findings: readonly SecretFinding[] } {
  return redactedDraft({ ...p, kind: 'note' });
}

/** Evidence metadata for collected content (its SHA-256 computed here), custody started. */
export function collectEvidence(p: {
  readonly id: EvidenceId;
  readonly incidentId: IncidentId;
  readonly name: string;
  readonly kind: 'file' | 'text';
  readonly mediaType: string;
  readonly content: Uint8Array;
  readonly source: string;
  readonly collectedBy: string;
  readonly collectedAt: number;
  readonly description?: string;
}): Evidence {
  return {
    id: p.id,
    incidentId: p.incidentId,
    name: p.name,
    kind: p.kind,
    mediaType: p.mediaType,
    size: p.content.length,
    sha256: sha256HexOfBytes(p.content),
    source: p.source,
    collectedBy: p.collectedBy,
    collectedAt: p.collectedAt,
    description: p.description ?? '',
    custody: [{ at: p.collectedAt, by: p.collectedBy, action: 'collected', note: p.source }],
  };
}

/** The evidence with one more custody event (events are only ever appended). */
export function addCustody(evidence: Evidence, event: CustodyEvent): Evidence {
  return { ...evidence, custody: [...evidence.custody, event] };
}

/** True when `content` still has the SHA-256 recorded for the evidence. */
export function evidenceIntact(
  evidence: Pick<Evidence, 'sha256' | 'size'>,
  content: Uint8Array,
): boolean {
  return content.length === evidence.size && sha256HexOfBytes(content) === evidence.sha256;
}
