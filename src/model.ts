// The normalised ladder model: plain JSON data, described by schema/ladder.schema.json.

/** 2: equivalents name their ladder (`{ ladder, track, level }`); 1 named only track and level. */
export const SCHEMA_VERSION = 2 as const;

/** 1-based line and column in the source document. */
export interface Position {
  line: number;
  column: number;
}

/** How a source document was recognised (the reader registry lists them). */
export type { SourceFormat } from './readers/formats.js';
import type { SourceFormat } from './readers/registry.js';

export interface Source {
  /** Relative to the project folder (the config file's folder, else the sources root), "/" separators. */
  path: string;
  format: SourceFormat;
  /** Lowercase hex SHA-256 of the raw bytes. */
  sha256: string;
  /**
   * Share of the source's words the model keeps, 0 to 1 (three decimals, rounded down): words are
   * runs of letters, markup and identifiers set aside (src/readers/coverage.ts).
   */
  coverage?: number;
  /** Other sources joined into this ladder (pages of one level each, src/pipeline/link.ts), in level order. */
  joined?: string[];
}

export interface Ladder {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  title: string;
  description?: string;
  source: Source;
  tracks: Track[];
}

export interface BaselineItem {
  competency: string;
  statements: string[];
}

export interface Track {
  id: string;
  name: string;
  description?: string;
  notes?: string[];
  /** Expectations that apply to every level of the track (an "All levels" section). */
  baseline?: BaselineItem[];
  levels: Level[];
  competencies: Competency[];
}

/** A level the source says is equivalent: ids of its ladder, track and level (as in the ladder JSON). */
export interface Equivalent {
  ladder: string;
  track: string;
  level: string;
}

export interface Level {
  id: string;
  /** 1 for the most junior level. */
  ordinal: number;
  code?: string;
  title: string;
  summary?: string;
  /** Facts about the level that are not expectations, e.g. { experience: "5+ years" }. */
  metadata?: Record<string, string>;
  equivalents?: Equivalent[];
  position?: Position;
}

export interface Competency {
  id: string;
  name: string;
  category?: string;
  area?: string;
  description?: string;
  expectations: Expectation[];
  position?: Position;
}

export interface ExampleGroup {
  /** Index into the expectation's statements. */
  statement: number;
  examples: string[];
}

export interface Expectation {
  /** Id of a level of the same track. */
  level: string;
  /** The cell's plain text; separate items on separate lines, merged cells separated by a blank line. */
  text: string;
  /** What a reviewer would tick: always splitStatements(text), empty when not applicable. */
  statements: string[];
  /** Present (and false) only when the source says the competency does not apply at this level. */
  applicable?: false;
  examples?: ExampleGroup[];
  position?: Position;
}

// The crosswalk: every level of every ladder of a build on one scale of rungs (out/json/crosswalk.json).

/** The evidence that placed a level, strongest first. */
export type CrosswalkBasis = 'explicit' | 'config' | 'code' | 'title' | 'position';
export const CROSSWALK_BASES: readonly CrosswalkBasis[] = ['explicit', 'config', 'code', 'title', 'position'];

export interface CrosswalkPlacement {
  ladder: string;
  track: string;
  level: string;
  basis: CrosswalkBasis;
}

export interface CrosswalkRung {
  /** 1 for the most junior rung. */
  rung: number;
  /** Build order: ladders as compiled, then tracks, then levels. */
  levels: CrosswalkPlacement[];
}

/** A track as the crosswalk tables show it (names only; crosswalk.json holds ids). */
export interface CrosswalkTrack {
  ladder: string;
  ladderTitle: string;
  track: string;
  trackName: string;
  /** Level id → how tables name it ("Senior SRE (L3)"). */
  levels: Record<string, string>;
}

export interface Crosswalk {
  rungs: CrosswalkRung[];
  /** Every track placed, in build order, with the names writers show. */
  tracks: CrosswalkTrack[];
}
