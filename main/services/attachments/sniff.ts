/**
 * What a file really is, read from its first bytes: a name or a declared
 * media type can lie (a renamed file), its signature does not. Plain text is
 * anything that decodes as UTF-8 without control bytes.
 */
import type { AttachmentMediaType } from '../../contract';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly { type: AttachmentMediaType; signature: readonly number[]; at?: number }[] = [
  { type: 'application/pdf', signature: ascii('%PDF-') },
  { type: 'image/png', signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
  { type: 'image/tiff', signature: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', signature: [0x4d, 0x4d, 0x00, 0x2a] },
  // DICOM Part 10: a 128-byte preamble, then "DICM".
  { type: 'application/dicom', signature: ascii('DICM'), at: 128 },
];

/** Bytes that never occur in a text file: NUL and the C0 controls other than tab, newlines and form feed. */
const isControl = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;

/** The allowed media type these bytes are, or null when they are none of them. */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  for (const { type, signature, at } of SIGNATURES) if (startsWith(bytes, signature, at)) return type;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return bytes.some(isControl) ? null : 'text/plain';
  } catch {
    return null;
  }
}
