/**
 * Checking the audit trail: every workstation's chain must run from seq 1
 * without a gap, each row's prev_hash naming the row before it and its own
 * hash matching its content. Any altered, removed or reordered row shows.
 */
import { asc } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema';
import type { Store } from '../store';
import { chainHash, GENESIS } from './record';

export interface ChainProblem {
  workstation: string;
  seq: number;
  problem: 'altered' | 'missing' | 'out_of_order';
}

export function verifyAuditTrail(store: Store): { rows: number; workstations: number; problems: ChainProblem[] } {
  const rows = store.db.select().from(auditEvents).orderBy(asc(auditEvents.workstation), asc(auditEvents.seq)).all();
  const problems: ChainProblem[] = [];
  const chains = new Map<string, typeof rows>();
  for (const row of rows) {
    const chain = chains.get(row.workstation);
    if (chain) chain.push(row);
    else chains.set(row.workstation, [row]);
  }
  for (const [workstation, chain] of chains) {
    let previous = GENESIS;
    let expectedSeq = 1;
    for (const row of chain) {
      if (row.seq !== expectedSeq) problems.push({ workstation, seq: expectedSeq, problem: 'missing' });
      else if (row.prevHash !== previous) problems.push({ workstation, seq: row.seq, problem: 'out_of_order' });
      if (chainHash(row.prevHash, row) !== row.hash) problems.push({ workstation, seq: row.seq, problem: 'altered' });
      previous = row.hash;
      expectedSeq = row.seq + 1;
    }
  }
  return { rows: rows.length, workstations: chains.size, problems };
}
