/**
 * The remote write path (ARCHITECTURE §4): applies ops received from other
 * workstations by per-column last-writer-wins on (HLC, device), records the
 * versions, and never appends to the outbox (no echo). It is total: an op
 * that cannot be applied yet is quarantined with its reason and retried after
 * every pull; nothing throws on data, nothing is dropped. Applying an op
 * twice, or ops in any order, ends in the same rows.
 */
import type Database from 'better-sqlite3';
import type { HybridLogicalClock } from './hlc';
import { parseHlc } from './hlc';
import { RemoteOp } from './segment';
import { TableStatements, type DriverRow } from './statements';
import { syncedTables } from './tables';
import { ALL_COLUMNS, versionOf, type ColumnVersions } from './versions';

export type QuarantineReason = 'missing_row' | 'unknown_table' | 'unknown_columns' | 'clock_ahead' | 'rejected';
export type ApplyOutcome = 'applied' | QuarantineReason;

/** How far ahead of our (store-corrected) clock a stamp may be before its op waits. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export interface Touched {
  /** table -> ids of rows changed by remote ops since the last take(). */
  rows: Map<string, Set<string>>;
}

export class RemoteApplier {
  private readonly statements = new Map<string, TableStatements>();
  private readonly columnNames = new Map<string, Set<string>>();
  private readonly sql;
  private touched = new Map<string, Set<string>>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: HybridLogicalClock,
    private readonly now: () => number = Date.now,
  ) {
    this.sql = {
      readVersions: sqlite.prepare('SELECT versions FROM sync_row_versions WHERE table_name = ? AND row_id = ?'),
      writeVersions: sqlite.prepare(
        'INSERT INTO sync_row_versions (table_name, row_id, versions) VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET versions = excluded.versions',
      ),
      quarantine: sqlite.prepare(
        'INSERT INTO sync_quarantine (op_id, device_id, hlc, op, reason, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO UPDATE SET reason = excluded.reason',
      ),
      release: sqlite.prepare('DELETE FROM sync_quarantine WHERE op_id = ?'),
      savepoint: sqlite.prepare('SAVEPOINT apply_op'),
      releaseSavepoint: sqlite.prepare('RELEASE apply_op'),
      rollbackTo: sqlite.prepare('ROLLBACK TO apply_op'),
      quarantined: sqlite.prepare('SELECT op_id AS opId, device_id AS deviceId, op, reason FROM sync_quarantine ORDER BY hlc'),
      saveClock: sqlite.prepare(
        "INSERT INTO sync_state (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ),
    };
  }

  /**
   * Persist the clock, with the stamps received folded in, inside the caller's transaction (the same row
   * ChangeCapture saves after local writes). Without it a restart forgot every stamp received since the last
   * local write, and the next local edit could be stamped before the value it overwrote: kept here, lost on
   * every other workstation (sync-clock-skew.test.ts, "stamps after a restart").
   */
  saveClock(): void {
    this.sql.saveClock.run(JSON.stringify(this.clock.snapshot()));
  }

  /** Apply one op inside the caller's transaction; parks it in quarantine if it cannot be applied yet. */
  apply(op: RemoteOp, deviceId: string): ApplyOutcome {
    const outcome = this.tryApply(op);
    if (outcome !== 'applied') {
      this.sql.quarantine.run(op.id, deviceId, op.hlc, JSON.stringify(op), outcome, new Date().toISOString());
    }
    return outcome;
  }

  /** Retry every quarantined op (oldest stamp first) inside the caller's transaction; returns how many are still waiting. */
  retryQuarantine(): number {
    let waiting = 0;
    const parked = this.sql.quarantined.all() as { opId: string; deviceId: string; op: string; reason: QuarantineReason }[];
    for (const entry of parked) {
      const parsed = RemoteOp.safeParse(JSON.parse(entry.op));
      if (!parsed.success) {
        waiting += 1;
        continue;
      }
      // Parked for columns this version lacks: its known columns are already applied. Re-applying it every poll
      // would only refresh screens and search triggers for nothing, so wait until an update brings the columns.
      if (entry.reason === 'unknown_columns' && !this.knowsAllColumns(parsed.data)) {
        waiting += 1;
        continue;
      }
      const outcome = this.tryApply(parsed.data);
      if (outcome === 'applied') {
        this.sql.release.run(entry.opId);
      } else if (outcome === 'unknown_columns' && entry.reason === 'unknown_columns') {
        waiting += 1; // still on a newer schema than ours: kept for after the update
      } else {
        this.sql.quarantine.run(entry.opId, entry.deviceId, parsed.data.hlc, entry.op, outcome, new Date().toISOString());
        waiting += 1;
      }
    }
    return waiting;
  }

  private knowsAllColumns(op: RemoteOp): boolean {
    if (!this.statementsFor(op.table)) return false;
    const known = this.columnNames.get(op.table);
    return Object.keys(op.data).every((column) => known?.has(column));
  }

  /** Tables and rows changed by remote ops since the last call. */
  take(): Map<string, Set<string>> {
    const touched = this.touched;
    this.touched = new Map();
    return touched;
  }

  /** Total: any failure of this op (a constraint, a value SQLite refuses) parks the op instead of stalling sync. */
  private tryApply(op: RemoteOp): ApplyOutcome {
    this.sql.savepoint.run();
    try {
      const outcome = this.applyOp(op);
      this.sql.releaseSavepoint.run();
      return outcome;
    } catch {
      this.sql.rollbackTo.run();
      this.sql.releaseSavepoint.run();
      return 'rejected';
    }
  }

  private applyOp(op: RemoteOp): ApplyOutcome {
    const statements = this.statementsFor(op.table);
    if (!statements) return 'unknown_table';
    if (parseHlc(op.hlc).wallMs > this.now() + MAX_FUTURE_MS) return 'clock_ahead';
    const known = this.columnNames.get(op.table) ?? new Set<string>();
    const columns = Object.keys(op.data).filter((column) => known.has(column));
    const unknown = columns.length < Object.keys(op.data).length;
    const current = statements.select(op.row);
    const stored = this.sql.readVersions.get(op.table, op.row) as { versions: string } | undefined;
    const versions: ColumnVersions = stored ? (JSON.parse(stored.versions) as ColumnVersions) : {};

    if (!current) {
      if (op.kind !== 'insert') return 'missing_row';
      try {
        statements.insert(this.fullRow(statements, op));
      } catch {
        return 'rejected'; // e.g. a required column this version does not know how to fill
      }
      this.sql.writeVersions.run(op.table, op.row, JSON.stringify({ [ALL_COLUMNS]: op.hlc }));
    } else {
      // ">=": an equal stamp is this very op again (stamps are unique), so re-writing is harmless.
      // The row's own hlc is not a column like the others: it is the newest stamp of any of its columns.
      const winning = columns.filter((column) => column !== 'id' && column !== 'hlc' && op.hlc >= (versionOf(versions, column) ?? ''));
      if (winning.length > 0) {
        const changes: DriverRow = {};
        for (const column of winning) changes[column] = op.data[column] ?? null;
        if (typeof current.hlc !== 'string' || op.hlc > current.hlc) changes.hlc = op.hlc;
        statements.update(op.row, changes);
        const next = { ...versions };
        for (const column of winning) next[column] = op.hlc;
        this.sql.writeVersions.run(op.table, op.row, JSON.stringify(next));
      }
    }
    this.clock.receive(op.hlc);
    let rows = this.touched.get(op.table);
    if (!rows) this.touched.set(op.table, (rows = new Set()));
    rows.add(op.row);
    return unknown ? 'unknown_columns' : 'applied';
  }

  private fullRow(statements: TableStatements, op: RemoteOp): DriverRow {
    const defaults = statements.toDriverRow({}, true);
    const row: DriverRow = { ...defaults };
    for (const { name } of statements.columns) if (name in op.data) row[name] = op.data[name] ?? null;
    row.id = op.row;
    row.hlc = op.hlc;
    return row;
  }

  private statementsFor(table: string): TableStatements | undefined {
    let statements = this.statements.get(table);
    if (!statements) {
      const definition = syncedTables.get(table);
      if (!definition) return undefined;
      statements = new TableStatements(this.sqlite, definition);
      this.statements.set(table, statements);
      this.columnNames.set(table, new Set(statements.columns.map((c) => c.name)));
    }
    return statements;
  }
}
