// The contract every reader keeps: text in, a draft ladder and diagnostics out; no I/O, no globals.

import type { Diagnostics } from '../diagnostics.js';
import type { SourceOptions } from '../options.js';
import type { DraftLadder } from './draft.js';

export interface ReaderInput {
  /** Decoded, repaired text (LF line ends, NFC). Positions are 1-based lines and columns in it. */
  text: string;
  /** Display path of the source, for messages. */
  file: string;
  options: SourceOptions;
  diagnostics: Diagnostics;
}

export type Reader = (input: ReaderInput) => DraftLadder;
