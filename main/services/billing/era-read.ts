/**
 * Reading an X12 835 (health care claim payment/advice). node-x12 parses it
 * strictly (envelope counts and control numbers must match); this turns the
 * one payment it describes into plain numbers in cents. Anything that is not
 * a well-formed 835 is refused whole, with the segment at fault named.
 */
import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { ApiError } from '../../contract';

export interface EraAdjustment {
  /** CO contractual, PR patient responsibility, OA other, PI payer initiated. */
  group: string;
  reason: string;
  cents: number;
}

export interface EraService {
  code: string;
  modifiers: string[];
  chargedCents: number;
  paidCents: number;
  adjustments: EraAdjustment[];
}

export interface EraClaim {
  number: string;
  status: string;
  chargedCents: number;
  paidCents: number;
  patientName: string | null;
  services: EraService[];
  /** Claim-level CAS (applied across its lines). */
  adjustments: EraAdjustment[];
}

export interface Era {
  payer: string;
  trace: string;
  paidOn: string;
  totalPaidCents: number;
  claims: EraClaim[];
}

function refuse(message: string): never {
  throw new ApiError('VALIDATION', `${message} Nothing was posted.`, { content: message });
}

function cents(text: string, where: string): number {
  if (!/^-?\d+(\.\d{1,2})?$/.test(text.trim())) refuse(`${where}: "${text}" is not an amount.`);
  return Math.round(Number(text) * 100);
}

function dateOf(text: string, where: string): string {
  if (!/^\d{8}$/.test(text)) refuse(`${where}: "${text}" is not a date (CCYYMMDD).`);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** CAS: a group code, then up to six reason/amount/quantity triples. */
function adjustmentsOf(segment: X12Segment, where: string): EraAdjustment[] {
  const group = segment.valueOf(1) ?? '';
  const found: EraAdjustment[] = [];
  for (let i = 2; i <= 17; i += 3) {
    const reason = segment.valueOf(i);
    if (!reason) continue;
    found.push({ group, reason, cents: cents(segment.valueOf(i + 1) ?? '', where) });
  }
  return found;
}

export function readEra(content: string): Era {
  let interchange: X12Interchange;
  try {
    interchange = new X12Parser(true).parse(content.trim()) as X12Interchange;
  } catch (error) {
    refuse(`This is not a readable X12 file: ${error instanceof Error ? error.message : 'unknown error'}.`);
  }
  const component = interchange.header.valueOf(16) ?? ':';
  const transactions = interchange.functionalGroups.flatMap((group) => group.transactions);
  if (transactions.length !== 1) refuse(`The file holds ${transactions.length} transactions; import one remittance (one ST…SE) at a time.`);
  const [transaction] = transactions;
  if (!transaction || transaction.header.valueOf(1) !== '835') refuse('This X12 file is not a remittance advice (835).');
  const era: Era = { payer: '', trace: '', paidOn: '', totalPaidCents: 0, claims: [] };
  let claim: EraClaim | null = null;
  let service: EraService | null = null;
  transaction.segments.forEach((segment, index) => {
    const where = `Segment ${index + 2} (${segment.tag})`;
    const v = (n: number) => segment.valueOf(n) ?? '';
    switch (segment.tag) {
      case 'BPR':
        era.totalPaidCents = cents(v(2), where);
        era.paidOn = dateOf(v(16), where);
        break;
      case 'TRN':
        era.trace = v(2);
        break;
      case 'N1':
        if (v(1) === 'PR') era.payer = v(2);
        break;
      case 'CLP':
        service = null;
        claim = {
          number: v(1),
          status: v(2),
          chargedCents: cents(v(3), where),
          paidCents: cents(v(4), where),
          patientName: null,
          services: [],
          adjustments: [],
        };
        era.claims.push(claim);
        break;
      case 'NM1':
        if (claim && v(1) === 'QC') claim.patientName = `${v(3)}, ${v(4)}`.trim();
        break;
      case 'SVC': {
        if (!claim) refuse(`${where}: a service line before any claim (CLP).`);
        const [, code = '', ...modifiers] = v(1).split(component);
        service = { code, modifiers, chargedCents: cents(v(2), where), paidCents: cents(v(3), where), adjustments: [] };
        claim.services.push(service);
        break;
      }
      case 'CAS':
        if (service) service.adjustments.push(...adjustmentsOf(segment, where));
        else if (claim) claim.adjustments.push(...adjustmentsOf(segment, where));
        break;
      default:
        break;
    }
  });
  if (!era.trace) refuse('The remittance has no trace number (TRN).');
  if (!era.paidOn) refuse('The remittance has no payment (BPR).');
  if (era.claims.length === 0) refuse('The remittance lists no claims (CLP).');
  return era;
}
