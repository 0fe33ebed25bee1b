/**
 * Pharmacogenomic results from lab reports: few, rarely changing, and read by
 * the prescribing alerts, so they are listed plainly (gene, allele,
 * phenotype, lab and date) and added from the report with the lab's wording
 * chosen from the phenotypes the alerts understand.
 */
import { useState, type FormEvent } from 'react';
import { pgxPhenotypes } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { Select, TextInput } from '../../ui/Field';
import { Empty, ErrorMessage } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { capitalize } from './clinicalText';
import { Panel } from './Panel';

type Phenotype = (typeof pgxPhenotypes)[number];

export function GenomicsPanel({ patientId }: { patientId: string }) {
  const canWrite = useSession().can('chart.write');
  const genomics = useApi('genomics.list', { patientId });
  const [adding, setAdding] = useState(false);
  const results = genomics.data?.results ?? [];
  return (
    <Panel
      title="Genomic results"
      className="clinical-genomics"
      pending={genomics.isPending}
      error={genomics.error}
      actions={
        canWrite && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add result
          </button>
        )
      }
    >
      {results.length === 0 ? (
        <Empty>No pharmacogenomic results recorded.</Empty>
      ) : (
        <table className="table clinical-table">
          <caption className="visually-hidden">Pharmacogenomic results</caption>
          <thead>
            <tr>
              <th scope="col">Gene</th>
              <th scope="col">Phenotype</th>
              <th scope="col">Reported</th>
              <th scope="col">Lab</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.id}>
                <td className="clinical-mono">
                  {result.gene}
                  {result.allele ?? ''}
                </td>
                <td>{capitalize(result.phenotype)}</td>
                <td>{result.reportedDate ? formatDate(result.reportedDate) : '—'}</td>
                <td>{result.lab ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <GenomicDialog patientId={patientId} open={adding} onClose={() => setAdding(false)} />
    </Panel>
  );
}

const BLANK = { gene: '', allele: '', phenotype: '' as Phenotype | '', reportedDate: '', lab: '' };

function GenomicDialog({ patientId, open, onClose }: { patientId: string; open: boolean; onClose(): void }) {
  const [values, setValues] = useState(BLANK);
  const save = useApiMutation('genomics.save');
  const form = useServerForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await form.run(() =>
      save.mutateAsync({
        patientId,
        gene: values.gene,
        allele: values.allele,
        // An unchosen phenotype goes as it is, so the core's own message asks for it.
        phenotype: values.phenotype as Phenotype,
        reportedDate: values.reportedDate || null,
        lab: values.lab,
      }),
    );
    if (saved) {
      setValues(BLANK);
      onClose();
    }
  }

  return (
    <Dialog title="Add genomic result" open={open} onClose={onClose}>
      <form className="clinical-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <div className="form-grid">
          <TextInput
            label="Gene"
            required
            maxLength={20}
            autoComplete="off"
            hint="e.g. CYP2C19, HLA-B"
            value={values.gene}
            onChange={(e) => setValues({ ...values, gene: e.target.value })}
            error={form.fieldError('gene')}
          />
          <TextInput
            label="Allele"
            maxLength={20}
            autoComplete="off"
            hint="HLA results only, e.g. *57:01"
            value={values.allele}
            onChange={(e) => setValues({ ...values, allele: e.target.value })}
            error={form.fieldError('allele')}
          />
          <Select
            label="Phenotype"
            required
            value={values.phenotype}
            onChange={(e) => setValues({ ...values, phenotype: e.target.value as Phenotype | '' })}
            error={form.fieldError('phenotype')}
          >
            <option value="">Choose…</option>
            {pgxPhenotypes.map((phenotype) => (
              <option key={phenotype} value={phenotype}>
                {capitalize(phenotype)}
              </option>
            ))}
          </Select>
          <TextInput
            label="Reported on"
            type="date"
            value={values.reportedDate}
            onChange={(e) => setValues({ ...values, reportedDate: e.target.value })}
            error={form.fieldError('reportedDate')}
          />
          <TextInput
            label="Lab"
            maxLength={120}
            value={values.lab}
            onChange={(e) => setValues({ ...values, lab: e.target.value })}
            error={form.fieldError('lab')}
          />
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Add result'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
