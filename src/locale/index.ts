// The locales ladderc ships: their catalogues, the lookup by tag, placeholders and Intl dates.

import { de } from './de.js';
import { en, type Catalogue } from './en.js';

export type { Catalogue } from './en.js';

const CATALOGUES = { en, de } as const satisfies Record<string, Catalogue>;

/** A locale ladderc ships, by its tag (`--locale`, the config's `locale`). */
export type Locale = keyof typeof CATALOGUES;

export const LOCALES: readonly Locale[] = Object.keys(CATALOGUES) as Locale[];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(tag: string): tag is Locale {
  return (LOCALES as readonly string[]).includes(tag);
}

/** The catalogue of a shipped locale. */
export function catalogue(locale: Locale): Catalogue {
  return CATALOGUES[locale];
}

/** A catalogue string with its `{name}` placeholders filled in (an unknown name stays as written). */
export function fillIn(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A date (seconds since the epoch) in the locale's words, in UTC so that no output depends on the machine. */
export function formatDate(locale: Locale, epochSeconds: number): string {
  return new Intl.DateTimeFormat(catalogue(locale).lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(epochSeconds * 1000));
}
