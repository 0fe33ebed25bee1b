/**
 * Note snippets: reusable text a clinician expands in the SOAP editor by
 * typing its trigger and Space or Tab, or picks from a list. A snippet is
 * personal or shared by the clinic. Who may change what is decided by the
 * service (see main/services/snippets/access.ts): personal snippets belong to
 * their owner; shared ones to whoever manages the clinic's settings and to
 * the physician who shared them.
 */
import { z } from 'zod';
import { Empty, Id, Ok, requiredText } from './common';
import { method } from './method';

/** Placeholders a snippet's text may carry, filled from the chart when it is inserted. */
export const snippetPlaceholders = {
  'patient.firstName': "The patient's first (preferred) name",
  'patient.lastName': "The patient's family name",
  'patient.age': "The patient's age in years",
  today: "Today's date",
  me: 'Your name',
} as const;
export type SnippetPlaceholder = keyof typeof snippetPlaceholders;

const TRIGGER = /^\.?[a-z0-9][a-z0-9_-]{1,19}$/;

/** Kept lower case: a trigger matches however it is typed. */
export const SnippetTrigger = z
  .string({ message: 'Enter a trigger such as .nrml' })
  .trim()
  .toLowerCase()
  .regex(TRIGGER, 'A trigger is 2 to 20 letters, digits, - or _ with no spaces, optionally starting with a dot (e.g. .nrml or normexam)');

/** The placeholders named in a text that Outpost does not know, e.g. ["{patient.dob}"]. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(/\{([^{}\s]{1,40})\}/g)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((name) => !Object.hasOwn(snippetPlaceholders, name)))].map((name) => `{${name}}`);
}

export const Snippet = z.object({
  id: Id,
  trigger: z.string(),
  title: z.string(),
  body: z.string(),
  /** Shared with the whole clinic (else personal to its owner). */
  shared: z.boolean(),
  /** One of the defaults that ship with Outpost (possibly edited by the clinic). */
  builtIn: z.boolean(),
  /** Whether the user asking may edit and delete it. */
  canEdit: z.boolean(),
});
export type Snippet = z.infer<typeof Snippet>;

export const SnippetInput = z
  .object({
    id: Id.optional(),
    trigger: SnippetTrigger,
    title: requiredText(80, 'Title'),
    body: z
      .string({ message: 'Enter the text to insert' })
      .max(5000, 'Keep a snippet under 5,000 characters')
      .refine((text) => text.trim().length > 0, 'Enter the text to insert')
      .superRefine((text, ctx) => {
        const unknown = unknownPlaceholders(text);
        if (unknown.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `Outpost cannot fill ${unknown.join(', ')}. Use ${Object.keys(snippetPlaceholders)
              .map((p) => `{${p}}`)
              .join(', ')}, or remove the braces.`,
          });
        }
      }),
    /** Share with the clinic (else personal); fixed once the snippet exists. */
    shared: z.boolean().default(false),
  })
  .strict();

export const snippetsApi = {
  /** Your personal snippets and the clinic's shared ones, by trigger (a personal one shadows a shared one with its trigger). */
  'snippets.list': method({ input: Empty, output: z.object({ snippets: z.array(Snippet) }), access: 'session' }),
  /** Create or edit a snippet; a trigger already used by the same owner is refused, naming the clash. */
  'snippets.save': method({ input: SnippetInput, output: Snippet, access: 'session' }),
  /** Delete a snippet (a tombstone: it leaves every workstation). */
  'snippets.delete': method({ input: z.object({ id: Id }).strict(), output: Ok, access: 'session' }),
};
