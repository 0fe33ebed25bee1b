/** Pharmacogenomic results recorded in the chart (from a lab report), read by the prescribing alerts. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { genomicResults } from '../../../db/schema';
import type { GenomicResult, ParsedInput } from '../../contract';
import type { SessionUser } from '../handler';
import { patientOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';

export function listGenomics(store: Store, patientId: string): GenomicResult[] {
  const ids = withMergedRecords(store, patientOf(store, patientId));
  return store.db
    .select()
    .from(genomicResults)
    .where(and(inArray(genomicResults.patientId, ids), isNull(genomicResults.deletedAt), eq(genomicResults.status, 'active')))
    .orderBy(asc(genomicResults.gene), asc(genomicResults.allele))
    .all()
    .map((row) => ({
      id: row.id,
      gene: row.gene,
      allele: row.allele,
      phenotype: row.phenotype,
      reportedDate: row.reportedDate,
      lab: row.lab,
    }));
}

export function saveGenomicResult(store: Store, user: SessionUser, input: ParsedInput<'genomics.save'>): GenomicResult {
  const patientId = patientOf(store, input.patientId);
  const row = {
    gene: input.gene,
    allele: input.allele,
    phenotype: input.phenotype,
    reportedDate: input.reportedDate ?? null,
    lab: input.lab,
  };
  const id = store.capture.mutate((w) => w.insert(genomicResults, { patientId, recordedBy: user.id, status: 'active', ...row }));
  return { id, ...row };
}
