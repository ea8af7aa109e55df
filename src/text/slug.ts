// Stable ids: lowercase ASCII slugs, and the -2, -3 suffixes that keep them unique.

export function slugify(text: string, fallback = 'item'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return safeFileName(capped(slug)) || fallback;
}

/** Ids name output files: at most this many characters (a file name may hold 255 bytes). */
export const MAX_SLUG_LENGTH = 64;

// Device names Windows reserves whatever the extension ("con.html" cannot be created there).
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

function capped(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const dash = cut.lastIndexOf('-');
  return (dash >= MAX_SLUG_LENGTH / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

function safeFileName(slug: string): string {
  return RESERVED.test(slug) ? `${slug}-0` : slug;
}

/** Hands out unique ids: the first "x", then "x-2", "x-3"…; says when it had to add a suffix. */
export class IdAllocator {
  readonly #used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.#used.add(id);
  }

  allocate(base: string): { id: string; collided: boolean } {
    if (!this.#used.has(base)) {
      this.#used.add(base);
      return { id: base, collided: false };
    }
    for (let n = 2; ; n += 1) {
      const id = `${base}-${n}`;
      if (!this.#used.has(id)) {
        this.#used.add(id);
        return { id, collided: true };
      }
    }
  }
}
