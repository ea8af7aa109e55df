// A writer's options, declared as data: where each sits in the writer's options object, the config
// file and the command line, its kind and its default. The option resolver, the config validator,
// `--help`, the manifest and the render cache key are all derived from these declarations.

export type OptionKind =
  /** true or false; a flag `--name[=BOOL]` and `--no-name`. */
  | { type: 'boolean' }
  /** One of a few words; a flag `--name VALUE`. */
  | { type: 'enum'; values: readonly string[] }
  /** A list of non-empty strings, at least `min` long. */
  | { type: 'strings'; min: number }
  /** An object of non-empty strings with known keys, merged over the default. */
  | { type: 'labels'; keys: readonly string[] }
  /** A path to a file, relative to the config file; the host loads its bytes as an asset. */
  | { type: 'file'; what: string };

export interface OptionSpec {
  /** Where the value sits in the writer's options (and the manifest), dotted: "review.ratings". */
  readonly key: string;
  /** Where the config file holds it, dotted: "csv.bom". */
  readonly config: string;
  readonly kind: OptionKind;
  /** The value when neither the config nor a flag sets it; undefined: unset. */
  readonly default: unknown;
  /** The command-line flag (boolean and enum kinds only), e.g. "--paper". */
  readonly flag?: string;
  /** One line for `--help` and the README. */
  readonly help: string;
}

/** A file option's value is a path: it shapes output through the file's bytes, not its name. */
export function inManifest(spec: OptionSpec): boolean {
  return spec.kind.type !== 'file';
}

/** Validates one value of a spec's kind; errors name `at` (a config path or a flag). */
export function parseOptionValue(spec: OptionSpec, value: unknown, at: string, errors: string[]): unknown {
  const kind = spec.kind;
  switch (kind.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      errors.push(`${at}: must be true or false`);
      return undefined;
    case 'enum':
      if (typeof value === 'string' && kind.values.includes(value)) return value;
      errors.push(`${at}: must be one of ${kind.values.join(', ')}`);
      return undefined;
    case 'strings':
      if (Array.isArray(value) && value.length >= kind.min && value.every((x) => typeof x === 'string' && x.trim())) return [...(value as string[])];
      errors.push(kind.min === 0 ? `${at}: must be a list of non-empty strings` : `${at}: must be a list of at least ${kind.min === 2 ? 'two' : kind.min} non-empty strings`);
      return undefined;
    case 'labels': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${at}: must be an object`);
        return undefined;
      }
      const labels: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) {
        if (!kind.keys.includes(k)) errors.push(`${at}.${k}: unknown label (known: ${kind.keys.join(', ')})`);
        else if (typeof v === 'string' && v.trim() !== '') labels[k] = v;
        else errors.push(`${at}.${k}: must be a non-empty string`);
      }
      return labels;
    }
    case 'file':
      if (typeof value === 'string' && value.trim() !== '') return value;
      errors.push(`${at}: must be a non-empty string`);
      return undefined;
  }
}

/** Parses a flag's text into a value of the spec's kind. */
export function parseFlagValue(spec: OptionSpec, text: string | undefined, errors: string[]): unknown {
  const flag = spec.flag ?? spec.key;
  if (spec.kind.type === 'boolean') {
    const v = text ?? 'true';
    if (v === 'true' || v === 'false') return v === 'true';
    errors.push(`${flag} must be true or false, not "${v}"`);
    return undefined;
  }
  if (spec.kind.type === 'enum') {
    if (text !== undefined && spec.kind.values.includes(text)) return text;
    if (text !== undefined) errors.push(`${flag} must be ${spec.kind.values.join(' or ')}, not "${text}"`);
    return undefined;
  }
  errors.push(`${flag}: only boolean and enum options have flags`);
  return undefined;
}

/** "a4|letter", "BOOL": how `--help` names a flag's value. */
export function flagValueName(spec: OptionSpec): string {
  return spec.kind.type === 'enum' ? spec.kind.values.join('|') : 'BOOL';
}

export function getPath(object: unknown, path: string): unknown {
  let value = object;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = object;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (typeof next !== 'object' || next === null) target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts[parts.length - 1]!] = value;
}

/** A writer's options object with every default filled in (a fresh object each call). */
export function defaultsOf(specs: readonly OptionSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) if (spec.default !== undefined) setPath(out, spec.key, structuredClone(spec.default));
  return out;
}
