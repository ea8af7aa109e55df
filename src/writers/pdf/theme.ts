// The look of every PDF in one place: paper, margins, type sizes and colours.

export type Paper = 'a4' | 'letter';
export const PAPERS: readonly Paper[] = ['a4', 'letter'];

/** Asset keys (as declared in the writer entry) of the two faces every PDF embeds. */
export const FACE_ASSETS = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
} as const;

export type Orientation = 'portrait' | 'landscape';

/** Points (1/72 in). A4 and US Letter, portrait. */
export const PAPER_SIZES: Readonly<Record<Paper, readonly [number, number]>> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

/**
 * Margins keep at least 0.5 in clear on every edge (printers' unprintable border is ~0.25 in) and
 * leave the footer its own band below the body.
 */
export const MARGINS: Readonly<Record<Orientation, { top: number; bottom: number; left: number; right: number }>> = {
  portrait: { top: 54, bottom: 64, left: 56, right: 56 },
  landscape: { top: 40, bottom: 54, left: 40, right: 40 },
};

/** Distance of the footer's baseline band from the bottom edge. */
export const FOOTER_OFFSET = 36;

export const COLORS = {
  ink: '#1b1f24',
  muted: '#5b6470',
  accent: '#1d5c87',
  rule: '#c5ced6',
  band: '#eaf1f6',
  headerFill: '#1d5c87',
  headerInk: '#ffffff',
  white: '#ffffff',
} as const;

/** Line height as a multiple of the font size. */
export const LEADING = 1.28;
