/** Diagnosis code search (charting) and the manager's import of a CMS release. */
import { ApiError } from '../../contract';
import type { Handlers } from '../handler';
import { parseCodeFile, releaseFromFileName } from './parse';
import { searchCodes } from './search';
import { importCodes } from './write';

export const codeHandlers: Handlers<'codes.search' | 'codes.import'> = {
  'codes.search': (input, { store }) => ({ codes: searchCodes(store, input.query, input.limit) }),

  'codes.import': async (input, { store }) => {
    const release = input.release ?? releaseFromFileName(input.fileName);
    if (!release) {
      throw new ApiError('VALIDATION', 'The file name does not say which year the codes are from. Enter the release, e.g. 2026.', {
        release: 'Enter the release year',
      });
    }
    const parsed = parseCodeFile(input.content);
    const counts = await importCodes(store, parsed.codes, release);
    return { ...counts, release, format: parsed.format };
  },
};
