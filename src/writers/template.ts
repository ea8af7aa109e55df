// Handlebars rendering with per-format escaping and strict variables, in an isolated environment.
//
// Handlebars escapes `{{x}}` for HTML only. For Markdown and CSV every `{{x}}` is rewritten, before
// compiling, into `{{{escape x}}}` with the format's own escape function, so that no template can
// forget to escape. `strict` mode makes a missing variable an error that names the template's line.

import Handlebars from 'handlebars';
import type { HelperDelegate } from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { TemplateFile } from './types.js';

type Ast = hbs.AST.Program;
type Node = hbs.AST.Node;

export interface TemplateEngineOptions {
  /** Escaping for `{{x}}`: undefined means Handlebars' own HTML escaping. */
  escape?: (text: string) => string;
  helpers?: Record<string, HelperDelegate>;
}

export class TemplateError extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
  ) {
    super(diagnostic.message);
  }
}

export interface TemplateEngine {
  /** Renders `name` (a key of the template set, e.g. "track.hbs"); throws TemplateError. */
  render(name: string, data: object): string;
  has(name: string): boolean;
}

const ESCAPE_HELPER = '__ladderc_escape';
const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

/** Parses a template and, when the format escapes `{{x}}` itself, rewrites it to call the escaper. */
function templateAst(env: typeof Handlebars, file: TemplateFile, escaped: boolean): Ast {
  let ast: Ast;
  try {
    ast = env.parse(file.text);
  } catch (error) {
    throw templateError(file, error);
  }
  if (escaped) rewriteEscapes(ast);
  return ast;
}

/**
 * A template compiled ahead of time (scripts/precompile-templates.mjs does this for the default
 * templates when ladderc is built): Handlebars' template spec as JavaScript source, the same code
 * the engine would generate at run time for that text and escaping. Throws TemplateError on a
 * template Handlebars cannot parse.
 */
export function precompileTemplate(file: TemplateFile, escaped: boolean): string {
  const env = Handlebars.create();
  return env.precompile(templateAst(env, file, escaped), { ...COMPILE_OPTIONS, noEscape: escaped }) as unknown as string;
}

export function createTemplateEngine(
  templates: Readonly<Record<string, TemplateFile>>,
  options: TemplateEngineOptions = {},
): TemplateEngine {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(options.helpers ?? {})) env.registerHelper(name, helper);
  const escape = options.escape;
  if (escape) {
    env.registerHelper(ESCAPE_HELPER, (value: unknown) =>
      value === undefined || value === null ? '' : escape(String(value)),
    );
  }

  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const compile = (name: string): HandlebarsTemplateDelegate => {
    const cached = compiled.get(name);
    if (cached) return cached;
    const file = templates[name];
    if (!file) throw new TemplateError(diagnostic('error', 'template-missing', `no template "${name}"`, 'templates', undefined));
    // The default templates arrive compiled (TemplateFile.precompiled): parsing and compiling them
    // would be a quarter of a cold build's rendering.
    const ahead = file.precompiled?.[escape ? 'escaped' : 'plain'];
    const fn: HandlebarsTemplateDelegate = ahead
      ? env.template(new Function(`return ${ahead};`)() as TemplateSpecification)
      : env.compile(templateAst(env, file, escape !== undefined), { ...COMPILE_OPTIONS, noEscape: escape !== undefined });
    const wrapped: HandlebarsTemplateDelegate = (data, runtime) => {
      try {
        return fn(data, runtime);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        throw templateError(file, error);
      }
    };
    compiled.set(name, wrapped);
    return wrapped;
  };

  // Partials: every template under "partials/" is available as {{> name}} (without the extension).
  for (const name of Object.keys(templates)) {
    const m = /^partials\/(.+)\.hbs$/.exec(name);
    if (m) env.registerPartial(m[1]!, (data: unknown, runtime?: Handlebars.RuntimeOptions) => compile(name)(data, runtime));
  }

  return {
    render(name, data) {
      assertPlainData(data, name);
      return compile(name)(data);
    },
    has(name) {
      return name in templates;
    },
  };
}

/**
 * Templates (a user's own among them) see plain data only: strings, numbers, booleans, null, and
 * arrays and objects of those — no functions, class instances or getters a template could call
 * into. A writer handing anything else is a bug, caught here rather than in a user's template.
 */
export function assertPlainData(data: unknown, template: string): void {
  const stack: unknown[] = [data];
  const seen = new Set<object>();
  while (stack.length) {
    const value = stack.pop();
    if (value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) continue;
    if (typeof value !== 'object') throw new Error(`template ${template} was handed a ${typeof value}: templates receive plain data only`);
    if (seen.has(value)) continue;
    seen.add(value);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    if (proto !== Object.prototype && proto !== null) throw new Error(`template ${template} was handed a ${(value as object).constructor?.name ?? 'non-plain object'}: templates receive plain data only`);
    for (const key of Object.keys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if (descriptor.get || descriptor.set) throw new Error(`template ${template} was handed a getter "${key}": templates receive plain data only`);
      stack.push(descriptor.value);
    }
  }
}

function templateError(file: TemplateFile, error: unknown): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  // Handlebars appends " - line:column" (runtime) or reports "Parse error on line N" (parser).
  const runtime = / - (\d+):(\d+)$/.exec(message);
  const parse = /line (\d+)/.exec(message);
  const line = Number(runtime?.[1] ?? parse?.[1] ?? 1);
  const column = runtime ? Number(runtime[2]) + 1 : 1;
  const reason = message
    .replace(/ - \d+:\d+$/, '')
    .replace(/ in \[object Object\]/, '')
    .split('\n')[0]!;
  return new TemplateError(
    diagnostic('error', 'template', `template error: ${reason}`, file.path, { line, column }, 'fix the template, or remove it to use the default'),
  );
}

/** `{{x}}` → `{{{escape x}}}` and `{{helper a b}}` → `{{{escape (helper a b)}}}`, keeping strict lookups. */
function rewriteEscapes(node: Node): void {
  const visit = (n: Node | null | undefined): void => {
    if (!n || typeof n !== 'object') return;
    if (n.type === 'MustacheStatement') {
      const m = n as hbs.AST.MustacheStatement;
      if (m.escaped) {
        const inner = m.path as hbs.AST.PathExpression;
        const simple = m.params.length === 0 && !m.hash && inner.type === 'PathExpression';
        let param: hbs.AST.Expression;
        if (simple) {
          // A bare {{x}} is a strict lookup in Handlebars; as a helper argument it must be made one.
          (inner as hbs.AST.PathExpression & { strict?: boolean }).strict = true;
          param = inner;
        } else {
          param = { type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc: m.loc } as hbs.AST.SubExpression;
        }
        m.path = { type: 'PathExpression', data: false, depth: 0, parts: [ESCAPE_HELPER], original: ESCAPE_HELPER, loc: m.loc } as hbs.AST.PathExpression;
        m.params = [param];
        m.hash = undefined as unknown as hbs.AST.Hash;
        m.escaped = false;
      }
      return;
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach((v) => visit(v as Node));
      else if (value && typeof value === 'object' && 'type' in value) visit(value as Node);
    }
  };
  visit(node);
}
