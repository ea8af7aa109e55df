// One typed options object with one defaults object: the CLI, the config file and the API all fill it.

import type { SourceFormat } from './model.js';

export type Orientation = 'levels-as-rows' | 'levels-as-columns';
export type OutputFormat = 'json' | 'md' | 'html' | 'csv' | 'pdf';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'md', 'html', 'csv', 'pdf'];

/** Per-source overrides, from the config file's `sources` map. */
export interface SourceOptions {
  id?: string;
  title?: string;
  format?: SourceFormat;
  orientation?: Orientation;
  /** Track names as detected (or track ids) → the names to use. */
  tracks?: Record<string, string>;
}

export type Paper = 'a4' | 'letter';

export interface ReviewFormOptions {
  ratings: string[];
  labels: {
    person: string;
    reviewer: string;
    date: string;
    period: string;
    comment: string;
    summary: string;
  };
  /** Path of a PNG or JPEG logo, relative to the config file. */
  logo?: string;
}

export interface Options {
  /** Files or directories to compile. */
  paths: string[];
  outDir: string;
  formats: OutputFormat[];
  strict: boolean;
  /** A folder whose templates override the defaults one by one. */
  templates?: string;
  csvBom: boolean;
  paper: Paper;
  review: ReviewFormOptions;
  sources: Record<string, SourceOptions>;
}

export const DEFAULT_OPTIONS: Readonly<Options> = Object.freeze<Options>({
  paths: ['sources'],
  outDir: 'out',
  formats: ['json'],
  strict: false,
  csvBom: true,
  paper: 'a4',
  review: {
    ratings: ['Not yet', 'Meets', 'Exceeds'],
    labels: {
      person: 'Person',
      reviewer: 'Reviewer',
      date: 'Date',
      period: 'Review period',
      comment: 'Comments',
      summary: 'Summary',
    },
  },
  sources: {},
});
