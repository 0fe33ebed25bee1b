/**
 * A report table: a title, "Export CSV", and a table that sorts by any column
 * (the header is a button; aria-sort says the order) with its totals row kept
 * at the bottom. Tables that can run to thousands of rows (day-sheet lines,
 * aging by patient) render only the rows in view, with @tanstack/react-virtual;
 * while printing every row is rendered, so the paper has them all.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { saveFile } from '../../ui/files';
import { formatCell, nextSort, sortRows, tableCsv, totalOf, type Column, type SortState, type Totals } from './columns';

interface ReportTableProps<Row> {
  title: string;
  /** The CSV's first line: the title with the filters it was run with. */
  csvTitle: string;
  fileName: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  totals?: Totals;
  /** Render only the rows in view once there are more than this many. */
  virtualizeOver?: number;
  initialSort?: SortState;
  children?: ReactNode;
}

const ROW_HEIGHT = 37;

export function ReportTable<Row>(props: ReportTableProps<Row>) {
  const { title, csvTitle, fileName, columns, rows, totals } = props;
  return (
    <div className="report-block">
      <div className="report-block__head">
        <h3>{title}</h3>
        <button
          type="button"
          className="button button--small report-block__export"
          aria-label={`Export CSV: ${title}`}
          disabled={rows.length === 0}
          onClick={() => saveFile(fileName, new Blob([tableCsv(csvTitle, columns, rows, totals)], { type: 'text/csv' }))}
        >
          Export CSV
        </button>
      </div>
      {props.children}
      <SortableTable {...props} />
    </div>
  );
}

function SortableTable<Row>({ title, columns, rows, rowKey, totals, virtualizeOver, initialSort }: ReportTableProps<Row>) {
  const [sort, setSort] = useState<SortState | null>(initialSort ?? null);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const printing = usePrinting();
  const virtual = virtualizeOver !== undefined && rows.length > virtualizeOver && !printing;
  const scroller = useRef<HTMLDivElement>(null);
  // The build does not use the React Compiler, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: virtual,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const shown = virtual
    ? items.map((item) => ({ index: item.index, row: sorted[item.index] as Row }))
    : sorted.map((row, index) => ({ index, row }));
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  const table = (
    <table className="table reports-table" aria-label={title} aria-rowcount={virtual ? sorted.length + (totals ? 2 : 1) : undefined}>
      <thead>
        <tr aria-rowindex={virtual ? 1 : undefined}>
          {columns.map((column) => {
            const direction = sort?.key === column.key ? sort.direction : undefined;
            return (
              <th key={column.key} scope="col" aria-sort={direction ?? 'none'} className={column.kind === 'text' ? undefined : 'num'}>
                <button type="button" className="reports-table__sort" onClick={() => setSort(nextSort(sort, column))}>
                  {column.label}
                  <span aria-hidden="true" className="reports-table__arrow">
                    {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
        {shown.map(({ index, row }) => (
          <tr
            key={rowKey(row)}
            data-index={index}
            ref={virtual ? virtualizer.measureElement : undefined}
            aria-rowindex={virtual ? index + 2 : undefined}
          >
            <Cells columns={columns} value={(column) => column.value(row)} />
          </tr>
        ))}
        {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
      </tbody>
      {totals && (
        <tfoot>
          <tr aria-rowindex={virtual ? sorted.length + 2 : undefined}>
            <Cells columns={columns} value={(column) => totalOf(column, totals)} />
          </tr>
        </tfoot>
      )}
    </table>
  );
  if (!virtual) return table;
  return (
    // Focusable so the rows scroll from the keyboard.
    <div
      ref={scroller}
      className="reports-table__scroll"
      tabIndex={0}
      role="group"
      aria-label={`${title}: ${sorted.length} rows, scroll for more`}
    >
      {table}
    </div>
  );
}

function Cells<Row>({ columns, value }: { columns: Column<Row>[]; value: (column: Column<Row>) => string | number }) {
  return columns.map((column) => {
    const text = formatCell(column.kind, value(column));
    const className = column.kind === 'text' ? undefined : 'num';
    return column.rowHeader ? (
      <th key={column.key} scope="row" className={className}>
        {text}
      </th>
    ) : (
      <td key={column.key} className={className}>
        {text}
      </td>
    );
  });
}

/** True between the browser's beforeprint and afterprint, rendered synchronously so the print sees every row. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
