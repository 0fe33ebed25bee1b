/**
 * A workstation process for chart-autosave-crash.test.ts: opens the core on
 * AUTOSAVE_DATA, signs in as the fixture physician and autosaves the draft
 * AUTOSAVE_NOTE as a person types (one more word per save, through dispatch,
 * exactly as the renderer calls it), printing "saved <n>" after each
 * acknowledged save, until it is killed with SIGKILL.
 * Run as `node --import tsx <this file>`.
 */
import { createCore } from '../../main/core';
import type { Output } from '../../main/contract';
import { PASSWORD, STAFF } from './clinic';
import { TEST_LOG2N } from './core';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const say = (line: string) => process.stdout.write(`${line}\n`); // synchronous on a pipe: said means said

const core = await createCore({ dataDir: setting('AUTOSAVE_DATA'), scryptLog2N: TEST_LOG2N });
const login = await core.call('auth.login', { username: STAFF.physician.username, password: PASSWORD }, null);
if (!login.ok) throw new Error(`login failed: ${login.error.message}`);
const token = (login.value as Output<'auth.login'>).token;
const noteId = setting('AUTOSAVE_NOTE');
say('ready');
let text = '';
for (let n = 1; ; n += 1) {
  text = `${text} word${n}`.trim();
  const saved = await core.call('notes.save', { id: noteId, content: { subjective: text } }, token);
  if (!saved.ok) throw new Error(`save failed: ${saved.error.message}`);
  say(`saved ${n}`);
}
