/** Writes db/schema-snapshot.json from the current schema (run after adding synced columns). */
import { writeFileSync } from 'node:fs';
import { syncedSchemaShape } from '../db/schema-guard';

writeFileSync(new URL('../db/schema-snapshot.json', import.meta.url), `${JSON.stringify(syncedSchemaShape(), null, 2)}\n`);
process.stderr.write('db/schema-snapshot.json updated\n');
