/**
 * Per-column versions of a synced row, stored compactly: an insert writes
 * every column with one stamp, kept once under "*"; later updates add the
 * columns they changed. The version of a column is its own entry, else "*".
 */
export type ColumnVersions = Record<string, string>;

export const ALL_COLUMNS = '*';

export function versionOf(versions: ColumnVersions, column: string): string | undefined {
  return versions[column] ?? versions[ALL_COLUMNS];
}

/** Every column's version, for readers that want the expanded form. */
export function expandVersions(versions: ColumnVersions, columns: string[]): ColumnVersions {
  const expanded: ColumnVersions = {};
  for (const column of columns) {
    const version = versionOf(versions, column);
    if (version !== undefined) expanded[column] = version;
  }
  return expanded;
}
