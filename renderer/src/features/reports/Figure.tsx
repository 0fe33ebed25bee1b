/** One headline figure of a report (a total above its table); the main one is the figure the report is for. */
import { formatCents } from '../../ui/format';

export function Figure({ label, cents, main = false }: { label: string; cents: number; main?: boolean }) {
  return (
    <div className={`reports-figures__item${main ? ' reports-figures__item--main' : ''}`}>
      <dt>{label}</dt>
      <dd>{formatCents(cents)}</dd>
    </div>
  );
}
