/**
 * X12 837P (005010X222A1) for professional claims: one interchange, one
 * functional group, one transaction set; the billing provider once (HL 20),
 * then per claim its subscriber (HL 22, the patient is the subscriber or a
 * patient HL 23 below), payer, claim (CLM/HI), rendering provider and service
 * lines (LX/SV1/DTP). For a secondary claim the primary payer goes in 2320/2330.
 * Control numbers: ISA13/IEA02 and GS06/GE02 come from the caller, ST02/SE02
 * is 0001; SE01 counts ST..SE. Values are upper-cased and stripped of the
 * delimiter characters, which X12 cannot escape.
 */
import type { BillingProfile } from '../../contract';

export interface Party {
  lastName: string;
  firstName: string;
  dateOfBirth: string;
  sex: string;
  addressLine1: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
}

export interface ClaimForFile {
  number: string;
  rank: number;
  payerName: string;
  payerId: string;
  memberId: string;
  groupNumber: string | null;
  relationship: string;
  subscriber: Party;
  patient: Party;
  /** For a secondary claim: the primary payer and its member id. */
  primary: { payerName: string; payerId: string; memberId: string } | null;
  rendering: { lastName: string; firstName: string; npi: string };
  diagnoses: string[];
  lines: { code: string; modifiers: string[]; units: number; totalCents: number; pointers: number[]; serviceDate: string }[];
}

const RELATIONSHIP: Record<string, string> = { self: '18', spouse: '01', child: '19' };
const SEX: Record<string, string> = { female: 'F', male: 'M' };
const RANK = ['P', 'S', 'T'];

const clean = (value: string | null | undefined) =>
  (value ?? '')
    .toUpperCase()
    .replace(/[*~:^]/g, ' ')
    .trim();
const ymd = (date: string) => date.replaceAll('-', '').slice(0, 8);
const money = (cents: number) => (cents / 100).toFixed(2).replace(/\.00$/, '');

function segment(...elements: (string | number)[]): string {
  // Trailing empty elements are dropped, as the standard requires.
  const values = elements.map(String);
  while (values.length > 1 && values.at(-1) === '') values.pop();
  return values.join('*');
}

/** A person's name, address and (when the loop is the patient's) demographics. */
function partySegments(qualifier: string, party: Party, id: [string, string] | null, demographics = true): string[] {
  return [
    segment('NM1', qualifier, '1', clean(party.lastName), clean(party.firstName), '', '', '', id?.[0] ?? '', id?.[1] ?? ''),
    segment('N3', clean(party.addressLine1)),
    segment('N4', clean(party.city), clean(party.region), clean(party.postalCode).replace('-', '')),
    ...(demographics ? [segment('DMG', 'D8', ymd(party.dateOfBirth), SEX[party.sex] ?? 'U')] : []),
  ];
}

function claimSegments(claim: ClaimForFile, hl: { next: () => number }, billingHl: number): string[] {
  const out: string[] = [];
  const self = claim.relationship === 'self';
  const subscriberHl = hl.next();
  out.push(segment('HL', subscriberHl, billingHl, '22', self ? '0' : '1'));
  out.push(segment('SBR', RANK[claim.rank - 1] ?? 'P', self ? '18' : '', clean(claim.groupNumber), '', '', '', '', '', 'CI'));
  // 2010BA carries DMG only when the subscriber is the patient; otherwise the patient's loop (2010CA) does.
  out.push(...partySegments('IL', claim.subscriber, ['MI', clean(claim.memberId)], self));
  out.push(segment('NM1', 'PR', '2', clean(claim.payerName), '', '', '', '', 'PI', clean(claim.payerId)));
  if (!self) {
    out.push(segment('HL', hl.next(), subscriberHl, '23', '0'));
    out.push(segment('PAT', RELATIONSHIP[claim.relationship] ?? 'G8'));
    out.push(...partySegments('QC', claim.patient, null));
  }
  const total = claim.lines.reduce((sum, line) => sum + line.totalCents, 0);
  out.push(segment('CLM', clean(claim.number), money(total), '', '', '11:B:1', 'Y', 'A', 'Y', 'Y'));
  out.push(segment('HI', ...claim.diagnoses.map((code, i) => `${i === 0 ? 'ABK' : 'ABF'}:${code.replace('.', '')}`)));
  out.push(
    segment('NM1', '82', '1', clean(claim.rendering.lastName), clean(claim.rendering.firstName), '', '', '', 'XX', claim.rendering.npi),
  );
  if (claim.primary) {
    out.push(segment('SBR', 'P', self ? '18' : '', '', '', '', '', '', '', 'CI'));
    out.push(segment('OI', '', '', 'Y', '', '', 'Y'));
    out.push(
      segment(
        'NM1',
        'IL',
        '1',
        clean(claim.subscriber.lastName),
        clean(claim.subscriber.firstName),
        '',
        '',
        '',
        'MI',
        clean(claim.primary.memberId),
      ),
    );
    out.push(segment('NM1', 'PR', '2', clean(claim.primary.payerName), '', '', '', '', 'PI', clean(claim.primary.payerId)));
  }
  claim.lines.forEach((line, i) => {
    out.push(segment('LX', i + 1));
    const procedure = ['HC', clean(line.code), ...line.modifiers.map(clean)].join(':');
    out.push(segment('SV1', procedure, money(line.totalCents), 'UN', line.units, '', '', line.pointers.join(':')));
    out.push(segment('DTP', '472', 'D8', ymd(line.serviceDate)));
  });
  return out;
}

export interface Envelope {
  /** ISA13, nine digits. */
  interchange: string;
  /** GS06. */
  group: number;
  now: Date;
  test: boolean;
}

export function build837(profile: BillingProfile, claims: ClaimForFile[], envelope: Envelope): string {
  const iso = envelope.now.toISOString();
  const date8 = ymd(iso.slice(0, 10));
  const time4 = iso.slice(11, 16).replace(':', '');
  const sender = clean(profile.submitterId);
  const receiver = clean(profile.receiverId);
  const body: string[] = [
    segment('ST', '837', '0001', '005010X222A1'),
    segment('BHT', '0019', '00', envelope.interchange, date8, time4, 'CH'),
    segment('NM1', '41', '2', clean(profile.name), '', '', '', '', '46', sender),
    segment('PER', 'IC', clean(profile.name), 'TE', (profile.phone ?? '').replace(/\D/g, '')),
    segment('NM1', '40', '2', clean(profile.receiverName ?? profile.receiverId), '', '', '', '', '46', receiver),
  ];
  let counter = 0;
  const hl = { next: () => ++counter };
  const billingHl = hl.next();
  body.push(segment('HL', billingHl, '', '20', '1'));
  if (profile.taxonomyCode) body.push(segment('PRV', 'BI', 'PXC', clean(profile.taxonomyCode)));
  body.push(
    segment('NM1', '85', '2', clean(profile.name), '', '', '', '', 'XX', clean(profile.npi)),
    segment('N3', clean(profile.addressLine1)),
    segment('N4', clean(profile.city), clean(profile.region), clean(profile.postalCode).replace('-', '')),
    segment('REF', 'EI', clean(profile.taxId).replace('-', '')),
  );
  for (const claim of claims) body.push(...claimSegments(claim, hl, billingHl));
  body.push(segment('SE', body.length + 1, '0001'));
  const pad = (value: string, width: number) => value.padEnd(width, ' ').slice(0, width);
  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    'ZZ',
    pad(sender, 15),
    'ZZ',
    pad(receiver, 15),
    date8.slice(2),
    time4,
    '^',
    '00501',
    envelope.interchange,
    '0',
    envelope.test ? 'T' : 'P',
    ':',
  ].join('*');
  const segments = [
    isa,
    segment('GS', 'HC', sender, receiver, date8, time4, envelope.group, 'X', '005010X222A1'),
    ...body,
    segment('GE', '1', envelope.group),
    segment('IEA', '1', envelope.interchange),
  ];
  return `${segments.join('~\n')}~\n`;
}
