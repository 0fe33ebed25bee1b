/**
 * Reading a FHIR R4 Bundle from another system into what the chart can hold.
 * Only the parts Outpost records are read (loosely: other systems add fields
 * freely); anything else is listed as skipped with the reason, never dropped
 * silently.
 */
import { z } from 'zod';
import { ApiError, type NoteContent } from '../../contract';

const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const Concept = z.looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() });
const Quantity = z.looseObject({ value: z.number().optional(), code: z.string().optional(), unit: z.string().optional() });
const Reference = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });
const Resource = z.looseObject({ resourceType: z.string(), id: z.string().optional() });
const BundleShape = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.looseObject({ resource: Resource.optional() })).optional(),
});

export type Loose = z.infer<typeof Resource> & Record<string, unknown>;

export interface Skipped {
  resourceType: string;
  id: string | null;
  reason: string;
}

/** The resources of a bundle, or a clear refusal naming what is wrong with the file. */
export function bundleResources(json: string): Loose[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ApiError('VALIDATION', 'This file is not JSON. Choose a FHIR Bundle exported as JSON.', { json: 'Not JSON' });
  }
  const bundle = BundleShape.safeParse(parsed);
  if (!bundle.success) {
    throw new ApiError('VALIDATION', 'This file is not a FHIR Bundle (its resourceType must be "Bundle").', { json: 'Not a FHIR Bundle' });
  }
  return (bundle.data.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource as Loose] : []));
}

export const read = {
  concept: (value: unknown) => Concept.safeParse(value).data,
  quantity: (value: unknown) => Quantity.safeParse(value).data,
  reference: (value: unknown) => Reference.safeParse(value).data?.reference ?? null,
  string: (value: unknown) => (typeof value === 'string' ? value : null),
  array: (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []),
  object: (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {}),
};

/** The code of a concept in a code system (or any code when no system is given). */
export function codeIn(concept: unknown, system?: string): string | null {
  const coding = read.concept(concept)?.coding ?? [];
  return coding.find((c) => !system || c.system === system)?.code ?? null;
}

export function conceptText(concept: unknown): string | null {
  const parsed = read.concept(concept);
  return parsed?.text ?? parsed?.coding?.find((c) => c.display)?.display ?? null;
}

/** Splits the text of a progress note as Outpost exports it (SECTION headings, ADDENDUM blocks); other text is the subjective. */
export function noteFromText(text: string): { content: NoteContent; addenda: { writtenAt: string | null; text: string }[] } {
  const content: NoteContent = { subjective: '', objective: '', assessment: '', plan: '' };
  const addenda: { writtenAt: string | null; text: string }[] = [];
  const blocks = text.split(/\n\n(?=(?:SUBJECTIVE|OBJECTIVE|ASSESSMENT|PLAN|ADDENDUM)\b)/);
  let structured = false;
  for (const block of blocks) {
    const [head = '', ...rest] = block.split('\n');
    const body = rest.join('\n');
    const section = head.trim().toLowerCase();
    if (section === 'subjective' || section === 'objective' || section === 'assessment' || section === 'plan') {
      content[section] = body;
      structured = true;
    } else if (head.startsWith('ADDENDUM')) {
      addenda.push({ writtenAt: /(\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(head)?.[1] ?? null, text: body });
      structured = true;
    }
  }
  if (!structured) content.subjective = text;
  return { content, addenda };
}
