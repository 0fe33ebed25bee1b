/**
 * A synthetic ICD-10-CM release for the codes.search benchmark: as many codes
 * as the real one (~74,000), shaped like it — most of them injury and
 * external-cause codes with long, repetitive titles ("Displaced fracture of
 * shaft of right femur, initial encounter for closed fracture"), the rest
 * diseases and symptoms — so word prefixes such as "fr" or "dis" match tens
 * of thousands of titles, as they do in the real file. Built from word lists
 * with a seeded PRNG: the same file on every run and every machine.
 */
import { Rng } from './stats';

export interface SyntheticCode {
  code: string;
  title: string;
  billable: boolean;
}

const SIDES = ['right', 'left', 'unspecified'];
const BONES = [
  'femur',
  'tibia',
  'fibula',
  'humerus',
  'radius',
  'ulna',
  'clavicle',
  'scapula',
  'patella',
  'calcaneus',
  'talus',
  'pelvis',
  'sternum',
];
const PARTS = [
  'shaft',
  'neck',
  'head',
  'distal end',
  'proximal end',
  'lateral condyle',
  'medial malleolus',
  'styloid process',
  'upper end',
  'lower end',
];
const SITES = [
  'great toe',
  'lesser toe',
  'index finger',
  'thumb',
  'ankle',
  'wrist',
  'knee',
  'elbow',
  'shoulder',
  'hip',
  'foot',
  'hand',
  'forearm',
  'thigh',
  'lower leg',
  'scalp',
  'eyelid',
  'nose',
  'lip',
  'abdominal wall',
  'lower back',
  'neck',
];
const INJURIES = [
  'Laceration without foreign body',
  'Laceration with foreign body',
  'Puncture wound without foreign body',
  'Contusion',
  'Abrasion',
  'Blister (nonthermal)',
  'Insect bite (nonvenomous)',
  'Sprain',
  'Strain of muscle, fascia and tendon',
  'Dislocation',
  'Subluxation',
  'Crushing injury',
  'Unspecified injury',
];
const FRACTURES = [
  'Displaced fracture',
  'Nondisplaced fracture',
  'Displaced transverse fracture',
  'Nondisplaced oblique fracture',
  'Displaced comminuted fracture',
  'Torus fracture',
  'Salter-Harris Type I physeal fracture',
];
const ENCOUNTERS = ['initial encounter', 'subsequent encounter', 'sequela'];
const FRACTURE_ENCOUNTERS = [
  'initial encounter for closed fracture',
  'initial encounter for open fracture',
  'subsequent encounter for fracture with routine healing',
  'subsequent encounter for fracture with delayed healing',
  'subsequent encounter for fracture with nonunion',
  'sequela',
];
const SUBSTANCES = [
  'penicillins',
  'benzodiazepines',
  'opioids',
  'aspirin',
  'acetaminophen',
  'antihistamines',
  'insulin',
  'anticoagulants',
  'beta-blockers',
  'carbon monoxide',
  'ethanol',
  'venom of bees',
  'venom of snake',
];
const INTENTS = ['accidental (unintentional)', 'intentional self-harm', 'assault', 'undetermined'];
const POISONINGS = ['Poisoning by', 'Adverse effect of', 'Underdosing of', 'Toxic effect of'];
const PEOPLE = ['Pedestrian', 'Pedal cycle driver', 'Motorcycle passenger', 'Car driver', 'Bus occupant', 'Person'];
const VEHICLES = [
  'car, pick-up truck or van',
  'two- or three-wheeled motor vehicle',
  'railway train',
  'fixed or stationary object',
  'pedal cycle',
  'animal-drawn vehicle',
];
const CONTEXTS = ['traffic accident', 'nontraffic accident', 'collision'];
const QUALIFIERS = [
  'Acute',
  'Chronic',
  'Other',
  'Unspecified',
  'Recurrent',
  'Primary',
  'Secondary',
  'Congenital',
  'Idiopathic',
  'Postprocedural',
];
const CONDITIONS = [
  'inflammation',
  'infection',
  'ulcer',
  'stenosis',
  'hemorrhage',
  'insufficiency',
  'hypertrophy',
  'atrophy',
  'cyst',
  'abscess',
  'obstruction',
  'disorder',
  'disease',
  'neoplasm of uncertain behavior',
  'malignant neoplasm',
  'benign neoplasm',
  'deformity',
];
const ORGANS = [
  'kidney',
  'liver',
  'lung',
  'heart',
  'thyroid gland',
  'pancreas',
  'stomach',
  'colon',
  'bladder',
  'prostate',
  'ovary',
  'uterus',
  'breast',
  'skin',
  'eye',
  'ear',
  'brain',
  'spinal cord',
  'esophagus',
  'gallbladder',
  'adrenal gland',
  'bone marrow',
];
const TAILS = [
  '',
  ', unspecified',
  ' with complications',
  ' without complication',
  ' with hemorrhage',
  ' without hemorrhage',
  ', right side',
  ', left side',
  ', bilateral',
  ' in diseases classified elsewhere',
];
const DIABETES = [
  'Type 1 diabetes mellitus',
  'Type 2 diabetes mellitus',
  'Drug or chemical induced diabetes mellitus',
  'Other specified diabetes mellitus',
];
const DIABETES_WITH = [
  'ketoacidosis without coma',
  'diabetic nephropathy',
  'diabetic chronic kidney disease',
  'diabetic polyneuropathy',
  'hyperglycemia',
  'hypoglycemia without coma',
  'foot ulcer',
  'mild nonproliferative diabetic retinopathy with macular edema',
];
const JOINT_CONDITIONS = [
  'Primary osteoarthritis',
  'Post-traumatic osteoarthritis',
  'Pain in',
  'Stiffness of',
  'Effusion',
  'Contracture',
  'Other specified arthritis',
  'Rheumatoid arthritis',
  'Gout',
  'Bursitis',
];

/** Chapter letters weighted like the real release (injuries and external causes dominate). */
const LETTERS: { value: string; weight: number }[] = [
  { value: 'S', weight: 38 },
  { value: 'T', weight: 12 },
  { value: 'V', weight: 5 },
  { value: 'W', weight: 3 },
  { value: 'M', weight: 9 },
  { value: 'H', weight: 4 },
  { value: 'O', weight: 3 },
  { value: 'E', weight: 2 },
  ...['A', 'B', 'C', 'D', 'F', 'G', 'I', 'J', 'K', 'L', 'N', 'P', 'Q', 'R', 'Z'].map((value) => ({ value, weight: 1.6 })),
];

const alnum = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function injuryTitle(rng: Rng): string {
  if (rng.next() < 0.5) {
    return `${rng.pick(FRACTURES)} of ${rng.pick(PARTS)} of ${rng.pick(SIDES)} ${rng.pick(BONES)}, ${rng.pick(FRACTURE_ENCOUNTERS)}`;
  }
  return `${rng.pick(INJURIES)} of ${rng.pick(SIDES)} ${rng.pick(SITES)}, ${rng.pick(ENCOUNTERS)}`;
}

function titleFor(letter: string, rng: Rng): string {
  switch (letter) {
    case 'S':
      return injuryTitle(rng);
    case 'T':
      return `${rng.pick(POISONINGS)} ${rng.pick(SUBSTANCES)}, ${rng.pick(INTENTS)}, ${rng.pick(ENCOUNTERS)}`;
    case 'V':
    case 'W':
      return `${rng.pick(PEOPLE)} injured in collision with ${rng.pick(VEHICLES)} in ${rng.pick(CONTEXTS)}, ${rng.pick(ENCOUNTERS)}`;
    case 'M':
      return `${rng.pick(JOINT_CONDITIONS)}, ${rng.pick(SIDES)} ${rng.pick(SITES)}`;
    case 'E':
      return `${rng.pick(DIABETES)} with ${rng.pick(DIABETES_WITH)}`;
    default:
      return `${rng.pick(QUALIFIERS)} ${rng.pick(CONDITIONS)} of ${rng.pick(ORGANS)}${rng.pick(TAILS)}`;
  }
}

/** Injury-like chapters use seven characters (with the X placeholder and an encounter letter); others three to six. */
function codeFor(letter: string, rng: Rng): string {
  const category = `${letter}${rng.int(0, 9)}${rng.int(0, 9)}`;
  if (letter === 'S' || letter === 'T' || letter === 'V' || letter === 'W') {
    const middle = Array.from({ length: 3 }, () => (rng.next() < 0.15 ? 'X' : String(rng.int(0, 9)))).join('');
    return `${category}${middle}${rng.pick(['A', 'D', 'S'])}`;
  }
  const length = rng.int(0, 3);
  return `${category}${Array.from({ length }, () => alnum.charAt(rng.int(0, alnum.length - 1))).join('')}`;
}

/** `n` distinct billable codes (none of them in `taken`), with plausible titles. */
export function syntheticCodes(n: number, seed: number, taken: ReadonlySet<string>): SyntheticCode[] {
  const rng = new Rng(seed);
  const seen = new Set(taken);
  const codes: SyntheticCode[] = [];
  while (codes.length < n) {
    const letter = rng.weighted(LETTERS);
    const code = codeFor(letter, rng);
    if (seen.has(code)) continue;
    seen.add(code);
    codes.push({ code, title: titleFor(letter, rng), billable: true });
  }
  return codes.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** The codes as a CMS order file (the larger of the two layouts). */
export function orderFile(codes: readonly SyntheticCode[]): string {
  return codes
    .map(
      (c, i) => `${String(i + 1).padStart(5, '0')} ${c.code.padEnd(7)} ${c.billable ? 1 : 0} ${c.title.slice(0, 60).padEnd(60)} ${c.title}`,
    )
    .join('\n');
}
