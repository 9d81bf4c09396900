import { sha256HexOfBytes, type Evidence } from '../../../../core/incidents';
import { getDatabase } from '../../../storage';
import { getEvidenceContent } from '../../../storage/incidents';

/** Files larger than this are refused: the content is stored in IndexedDB and in backups. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Content ready to store: bytes for the hash, and the stored form. */
export type EvidenceContent = {
  readonly encoding: 'utf8' | 'base64';
  readonly content: string;
  readonly bytes: Uint8Array;
  readonly mediaType: string;
};

/** Base64 of bytes, in chunks (String.fromCharCode on a whole file overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bytes of base64 text. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Reads a chosen file; a RangeError names a file over the limit. */
export async function readEvidenceFile(file: File): Promise<EvidenceContent> {
  if (file.size > MAX_EVIDENCE_BYTES)
    throw new RangeError(
      `${file.name} is larger than ${String(MAX_EVIDENCE_BYTES / 1024 / 1024)} MB; store a hash and where the file is kept instead.`,
    );
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    encoding: 'base64',
    content: bytesToBase64(bytes),
    bytes,
    mediaType: file.type || 'application/octet-stream',
  };
}

/** SHA-256 (core) of the content's bytes. */
export function hashEvidence(bytes: Uint8Array): string {
  return sha256HexOfBytes(bytes);
}

/** True when the stored content still hashes to the recorded SHA-256. */
export async function verifyStoredEvidence(item: Evidence): Promise<boolean> {
  const row = await getEvidenceContent(getDatabase(), item.id);
  if (!row) return false;
  const bytes =
    row.encoding === 'utf8' ? new TextEncoder().encode(row.content) : base64ToBytes(row.content);
  return hashEvidence(bytes) === item.sha256;
}
