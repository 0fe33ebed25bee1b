/**
 * The medication knowledge Outpost ships (a curated, versioned JSON file):
 * drug classes, cross-sensitivities, duplicate-therapy rules and CPIC
 * gene–drug pairs. Checked against its schema when first used, so a broken
 * file fails loudly in tests instead of silently showing no alerts.
 */
import { z } from 'zod';
import knowledgeFile from './knowledge/medication-alerts.json';

const Knowledge = z.object({
  version: z.string(),
  reviewedOn: z.string(),
  classes: z.record(z.string(), z.object({ label: z.string(), drugs: z.array(z.string()).min(1) })),
  crossSensitivity: z.array(
    z.object({ allergyClass: z.string(), drugClass: z.string(), detail: z.string(), recommendation: z.string(), source: z.string() }),
  ),
  duplicateTherapy: z.array(z.object({ classes: z.array(z.string()).min(1).max(2), detail: z.string() })),
  pharmacogenomics: z.array(
    z.object({
      gene: z.string(),
      allele: z.string().optional(),
      drugs: z.array(z.string()).min(1),
      phenotypes: z.array(z.string()).min(1),
      severity: z.enum(['high', 'moderate']),
      detail: z.string(),
      recommendation: z.string(),
      source: z.string(),
    }),
  ),
});
export type Knowledge = z.infer<typeof Knowledge>;

let loaded: Knowledge | null = null;

export function knowledge(): Knowledge {
  loaded ??= Knowledge.parse(knowledgeFile);
  return loaded;
}

/** "Amoxicillin 500 mg capsule" -> "amoxicillin": the longest known drug name the text starts with. */
export function drugOf(text: string): string | null {
  const name = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let best: string | null = null;
  for (const { drugs } of Object.values(knowledge().classes)) {
    for (const drug of drugs) {
      // A whole word: "codeine 30 mg" is codeine, "codeinex" is not.
      const matches = name.startsWith(drug) && (name.length === drug.length || /[^a-z]/.test(name.charAt(drug.length)));
      if (matches && (!best || drug.length > best.length)) best = drug;
    }
  }
  return best;
}

/** The class of a drug name or of a class name typed by a person (e.g. "Penicillins"). */
export function classOf(drugOrClass: string | null): string | null {
  if (!drugOrClass) return null;
  const text = drugOrClass.trim().toLowerCase();
  const classes = knowledge().classes;
  if (classes[text]) return text;
  const drug = drugOf(text);
  if (!drug) return null;
  return Object.entries(classes).find(([, c]) => c.drugs.includes(drug))?.[0] ?? null;
}

export function classLabel(key: string): string {
  return knowledge().classes[key]?.label ?? key;
}
