// What a ladder is called when its source names nothing: its file name, humanised.

/** "sources/titles-for-ops.txt" → "Titles for ops"; undefined when the name has no words. */
export function titleFromFileName(path: string): string | undefined {
  const stem = (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '').replace(/^\d+[-_ ]+/, '');
  const words = stem.replace(/[-_.]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : undefined;
}
