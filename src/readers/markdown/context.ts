// State shared while one Markdown document is read: the reader input and what became ladder content.

import type { Position } from '../../model.js';
import type { DraftCompetency, DraftLevel } from '../draft.js';
import type { ReaderInput } from '../types.js';
import type { Section } from './sections.js';

export interface ReadContext {
  input: ReaderInput;
  /** mdast nodes and sections that became ladder content; everything else is reported as skipped. */
  used: Set<object>;
}

/** Levels and competency rows found in one place (a table, or a run of level headings). */
export interface Fragment {
  /** The section that holds the table or the run of level headings. */
  section: Section;
  /** Document order. */
  offset: number;
  position: Position | undefined;
  levels: DraftLevel[];
  competencies: DraftCompetency[];
  notes: string[];
  /**
   * A table with a row per level and short facts in its cells ("Title", "Experience"): when the
   * levels are described elsewhere too, its columns are facts about the levels, not competencies.
   */
  overview?: boolean;
  /** A name the fragment carries itself (a group of levels in one table): its own track, so named. */
  caption?: string;
}
