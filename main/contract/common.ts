/** Schemas shared by several domains. Messages are shown to the user as-is. */
import { z } from 'zod';

export const Id = z.string().min(1, 'Required').max(64);
/** An instant with any offset, normalised to UTC "…Z" (storage compares instants as text). */
export const IsoInstant = z.iso
  .datetime({ offset: true, message: 'Enter a valid date and time' })
  .transform((v) => new Date(v).toISOString());
export const PlainDate = z.iso.date({ message: 'Enter a date as YYYY-MM-DD' });
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:mm (24-hour)');
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Enter a colour as #RRGGBB');

export const Interval = z
  .object({ start: LocalTime, end: LocalTime })
  .refine((i) => i.start < i.end, { message: 'The end must be after the start', path: ['end'] });
export type Interval = z.infer<typeof Interval>;

/** ISO weekday "1" (Monday) .. "7" (Sunday) -> open intervals; a missing day is closed. */
export const WeeklyHours = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(Interval));
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** Weekly hours as read back: checked for shape only, so a row from another version never breaks a read. */
export const StoredWeeklyHours = z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() })));

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/** Optional free text: trims, and an empty string becomes null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

export const requiredText = (max: number, label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

/** Default messages written for a person, not a developer (zod's are technical). */
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      return issue.input === undefined || issue.input === null
        ? 'Required'
        : `Expected ${issue.expected === 'string' ? 'text' : issue.expected}`;
    }
    if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_value') return 'Choose one of the listed options';
    return undefined;
  },
});

/** "dateOfBirth" -> "Date of birth", "insurance.0.memberId" -> "Insurance 1 member id". */
export function humanizePath(path: readonly PropertyKey[]): string {
  const words = path
    .map((part) =>
      typeof part === 'number'
        ? String(part + 1)
        : String(part)
            .replace(/([a-z])([A-Z])/g, '$1 $2')
            .toLowerCase(),
    )
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A US NPI: 10 digits with a Luhn check digit over "80840" + the first nine. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits[digits.length - 1 - i] ?? 0;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const Npi = z
  .string()
  .trim()
  .refine(isValidNpi, 'Enter the 10-digit NPI exactly as issued (its check digit does not match)')
  .nullish();
