// What a reader produces: a draft ladder in the source's own terms (labels as written, levels by index).
// finalize.ts turns drafts into the model, so that ids, merging, statements and equivalents are
// decided in one place for every reader.

import type { BaselineItem, Position } from '../model.js';

export interface DraftLadder {
  title?: string;
  description?: string;
  tracks: DraftTrack[];
  /**
   * Text the reader read as structure, not content: ids and references by name that join one list
   * to another (`level: Senior Engineer`). Coverage does not count these words as lost.
   */
  references?: string[];
}

export interface DraftTrack {
  name: string;
  description?: string;
  notes?: string[];
  baseline?: BaselineItem[];
  levels: DraftLevel[];
  competencies: DraftCompetency[];
  position?: Position;
}

export interface DraftLevel {
  /** The label as written ("Junior SRE (L1)", "3", "IC3"); split into title and code unless given. */
  label: string;
  title?: string;
  code?: string;
  summary?: string;
  metadata?: Record<string, string>;
  /** Equivalent levels in another track, as written ("Lead Engineer", "n/a"). */
  equivalents?: DraftEquivalent[];
  position?: Position;
}

export interface DraftEquivalent {
  text: string;
  /** The track the source says the equivalent is in, when it says ("Management Equivalent"). */
  trackHint?: string;
  /**
   * An exact reference instead of words to match: the other track's name and the level's title,
   * code or "Title (Code)" label (as ladderc's own Markdown writes them).
   */
  target?: { track: string; level: string };
  position?: Position;
}

export interface DraftCompetency {
  name: string;
  category?: string;
  area?: string;
  description?: string;
  position?: Position;
  cells: DraftCell[];
}

export interface DraftCell {
  /** Index into the track's levels. */
  level: number;
  /**
   * Plain text, no markup: separate items (list items, `<br>` lines, paragraphs) on separate lines.
   * Blank or white space only: the cell yields no expectation.
   */
  text: string;
  /** Examples for an item: `line` indexes the non-empty lines of `text`. */
  examples?: Array<{ line: number; examples: string[] }>;
  position?: Position;
}

/**
 * A table read from a document (GFM or HTML): its levels and competency rows, before tracks are
 * assembled. Cells index into `levels`. The Markdown reader combines fragments into tracks.
 */
export interface TableFragment {
  levels: DraftLevel[];
  competencies: DraftCompetency[];
  position: Position;
  /** A caption or label the table carries itself, if any. */
  caption?: string;
}
