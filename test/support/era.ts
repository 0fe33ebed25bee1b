/**
 * Synthetic X12 835 remittances for tests: a well-formed envelope (ISA/GS/ST
 * … SE/GE/IEA with matching counts and control numbers) around the claim
 * segments a test gives, so each test states only what the payer says.
 */
export interface EraClaimInput {
  number: string;
  status?: string;
  chargedCents: number;
  paidCents: number;
  patient: [string, string];
  services: { code: string; chargedCents: number; paidCents: number; cas?: [string, string, number][] }[];
  /** Adjustments to the claim as a whole (CAS in the claim loop, before its service lines). */
  claimCas?: [string, string, number][];
}

const amount = (cents: number) => (cents / 100).toFixed(2);

export function era835(options: { trace: string; payer: string; paidOn: string; claims: EraClaimInput[] }): string {
  const total = options.claims.reduce((sum, c) => sum + c.paidCents, 0);
  const date = options.paidOn.replaceAll('-', '');
  const body = [
    `ST*835*0001`,
    `BPR*I*${amount(total)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*${date}`,
    `TRN*1*${options.trace}*1512345678`,
    `DTM*405*${date}`,
    `N1*PR*${options.payer}`,
    `N1*PE*TEST FAMILY CLINIC*XX*1234567893`,
    `LX*1`,
  ];
  for (const claim of options.claims) {
    body.push(`CLP*${claim.number}*${claim.status ?? '1'}*${amount(claim.chargedCents)}*${amount(claim.paidCents)}**12*PCN${claim.number}`);
    body.push(`NM1*QC*1*${claim.patient[0]}*${claim.patient[1]}`);
    for (const [group, reason, cents] of claim.claimCas ?? []) body.push(`CAS*${group}*${reason}*${amount(cents)}`);
    for (const service of claim.services) {
      body.push(`SVC*HC:${service.code}*${amount(service.chargedCents)}*${amount(service.paidCents)}**1`);
      body.push(`DTM*472*${date}`);
      for (const [group, reason, cents] of service.cas ?? []) body.push(`CAS*${group}*${reason}*${amount(cents)}`);
    }
  }
  body.push(`SE*${body.length + 1}*0001`);
  const isa = 'ISA*00*          *00*          *ZZ*PAYER          *ZZ*TFC001         *261120*1200*^*00501*000000042*0*P*:';
  return [isa, `GS*HP*PAYER*TFC001*${date}*1200*42*X*005010X221A1`, ...body, 'GE*1*42', 'IEA*1*000000042'].join('~\n') + '~\n';
}
