/**
 * Diagnosis code sets (ICD-10-CM): search as the physician charts, and the
 * manager's import of the yearly CMS release. Codes travel without their dot
 * in storage and files ('E119') and are shown dotted ('E11.9') everywhere.
 */
import { z } from 'zod';
import { requiredText } from './common';
import { method } from './method';

/** 'E119' -> 'E11.9'; a three-character category ('I10') has no dot. */
export function dottedCode(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/**
 * The CMS order file of a release is about 15 MB; twice that leaves room for
 * a later, larger release while still refusing a file that cannot be one.
 */
export const MAX_CODE_FILE_CHARS = 32 * 1024 * 1024;

export const DiagnosisCode = z.object({
  /** Dotted display form, e.g. 'E11.9'. */
  code: z.string(),
  title: z.string(),
  /** False for a category header, which a claim cannot carry. */
  billable: z.boolean(),
});
export type DiagnosisCode = z.infer<typeof DiagnosisCode>;

export const CodeImportResult = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The release the added and updated codes were stamped with. */
  release: z.string(),
  /** Which CMS file was recognised. */
  format: z.enum(['codes', 'order']),
});
export type CodeImportResult = z.infer<typeof CodeImportResult>;

export const codes = {
  /** Code or words, as typed: exact code first, then codes starting with it, then title words (any order, prefixes). */
  'codes.search': method({
    input: z
      .object({
        query: z.string().max(200, 'Keep the search under 200 characters'),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    output: z.object({ codes: z.array(DiagnosisCode) }),
    access: 'chart.read',
  }),
  /** Import a CMS ICD-10-CM file (icd10cm-codes-YYYY.txt or icd10cm-order-YYYY.txt): all of it or, if any line is wrong, none. */
  'codes.import': method({
    input: z
      .object({
        fileName: requiredText(260, 'File name'),
        content: z
          .string()
          .min(1, 'The file is empty')
          .max(MAX_CODE_FILE_CHARS, 'This file is too large to be an ICD-10-CM code file (over 32 MB)'),
        release: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, 'Enter the release as a year such as 2026 (letters, digits, . _ - only)')
          .optional(),
      })
      .strict(),
    output: CodeImportResult,
    access: 'settings.manage',
  }),
};
