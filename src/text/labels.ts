// How levels and competencies are named in text: shared by readers (to find them again) and views.

import type { Competency } from '../model.js';

/** "Junior SRE (L1)", or just the title when the code says the same thing or there is none. */
export function levelLabel(level: { title: string; code?: string | undefined }): string {
  return level.code && level.code !== level.title ? `${level.title} (${level.code})` : level.title;
}

/**
 * How a competency is named in level sections and the Markdown matrix: its name, unless another
 * competency of the track has the same name (under another category or area) — then
 * "name (category › area)". The canonical-Markdown reader uses the same labels to find them again.
 */
export function competencyLabels(competencies: readonly Pick<Competency, 'name' | 'category' | 'area'>[]): string[] {
  const count = new Map<string, number>();
  for (const c of competencies) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  return competencies.map((c) => {
    if ((count.get(c.name) ?? 0) < 2) return c.name;
    const where = [c.category, c.area].filter((x): x is string => Boolean(x)).join(' › ');
    return `${c.name} (${where || 'no category'})`;
  });
}
