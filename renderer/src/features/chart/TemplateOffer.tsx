/**
 * An empty draft offers the note templates, one click each, so a routine
 * visit starts from a structure rather than a blank page. Offered only while
 * every section is empty: a template never overwrites anything typed.
 */
import type { NoteTemplate } from '../../../../main/contract';
import { useApi } from '../../api/hooks';

export function TemplateOffer({ onChoose }: { onChoose(template: NoteTemplate): void }) {
  const templates = useApi('noteTemplates.list', {}, { staleTime: 60_000 });
  if (templates.isPending || templates.error || templates.data.templates.length === 0) return null;
  return (
    <div className="chart-templates" role="group" aria-labelledby="chart-templates-title">
      <span id="chart-templates-title" className="chart-templates__title">
        Empty note — start from a template:
      </span>
      {templates.data.templates.map((template) => (
        <button key={template.id} type="button" className="button button--small" onClick={() => onChoose(template)}>
          {template.name}
        </button>
      ))}
    </div>
  );
}
