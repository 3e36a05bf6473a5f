// Each rule once, and no rule only a test reads (issue 11): every value a module of shared/,
// server/ or client/src/ exports is used by the product, by another module or in its own
// file (a helper exported so a unit test can reach it). An export nothing in the product
// uses is dead code kept alive by its test, or a second copy of a rule that lives elsewhere.
// The few exports that exist for a tool or a test's sake are listed below, each with why.
// TypeScript's parser reads the imports and identifiers, so comments do not count.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const PRODUCT = ['shared', 'server', 'client/src'];
/** Files outside the product that may use a product export (build configuration). */
const TOOLING = ['vite.config.ts'];

/** Exports the product does not use, kept on purpose: file → name → why. */
const KEPT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'shared/match/kinds.ts': {
    hasPolicyLabel: 'the test that every registered policy has a display name asks it',
    setupFor: 'the lecture-script tests replay each script on the allocator it names',
  },
  'shared/streams/sizes.ts': {
    STRUCT_SIZES: 'the C struct sizes SPEC ST-SIZE cites, behind C_STRUCTS',
    C_STRUCTS: 'a named distribution of C structs for authors of rounds',
  },
  'shared/trace/rep.ts': { writeRep: 'the benchmark writes its traces as .rep files' },
  'server/protocol/messages.ts': { messagesOf: 'the protocol test checks docs/PROTOCOL.md against the table' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path.split(sep).join('/')] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The module a relative specifier names, as a path from the root; null for a package. */
function target(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const path = relative(ROOT, resolve(ROOT, dirname(from), spec)).split(sep).join('/');
  return path.endsWith('.ts') ? path : `${path}.ts`;
}

/** The values (not types) a file exports by declaration. */
function exportedValues(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/** How often each identifier appears in a file (a name used beside its declaration appears twice or more). */
function identifierCounts(source: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return counts;
}

interface Uses {
  /** file → the names other files import from it. */
  readonly named: Map<string, Set<string>>;
  /** Files imported whole (`import * as`, `export *`, `import()`): every export counts as used. */
  readonly whole: Set<string>;
}

function recordUses(file: string, source: ts.SourceFile, uses: Uses): void {
  const use = (module: string, name: string): void => {
    const set = uses.named.get(module) ?? new Set<string>();
    set.add(name);
    uses.named.set(module, set);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const module = target(file, node.moduleSpecifier.text);
      if (module) {
        const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : node.exportClause;
        if (bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) {
          for (const e of bindings.elements) use(module, (e.propertyName ?? e.name).text);
        } else if (!ts.isImportDeclaration(node) || bindings) uses.whole.add(module);
      }
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [spec] = node.arguments;
      const module = spec && ts.isStringLiteral(spec) ? target(file, spec.text) : null;
      if (module) uses.whole.add(module);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** `file: name` for each exported value nothing in the product uses. */
function unusedExports(): string[] {
  const files = PRODUCT.flatMap(sourceFiles);
  const sources = new Map(files.map((f) => [f, parse(f)]));
  const uses: Uses = { named: new Map(), whole: new Set() };
  for (const [file, source] of sources) recordUses(file, source, uses);
  for (const file of TOOLING) recordUses(file, parse(file), uses);
  const unused: string[] = [];
  for (const [file, source] of sources) {
    if (uses.whole.has(file)) continue;
    const counts = identifierCounts(source);
    for (const name of exportedValues(source)) {
      const used = uses.named.get(file)?.has(name) || (counts.get(name) ?? 0) > 1 || KEPT[file]?.[name] !== undefined;
      if (!used) unused.push(`${file}: ${name}`);
    }
  }
  return unused.sort();
}

describe('unused exports', () => {
  it('every exported value is used by the product, or kept for a stated reason', () => {
    expect(unusedExports()).toEqual([]);
  });

  it('every kept export exists and is still unused by the product (else it leaves the list)', () => {
    const files = PRODUCT.flatMap(sourceFiles);
    const uses: Uses = { named: new Map(), whole: new Set() };
    for (const file of files) recordUses(file, parse(file), uses);
    for (const [file, names] of Object.entries(KEPT)) {
      const exported = exportedValues(parse(file));
      for (const name of Object.keys(names)) {
        expect(exported, `${file} exports ${name}`).toContain(name);
        expect(uses.named.get(file)?.has(name) ?? false, `${file}: ${name} is used now; drop it from KEPT`).toBe(false);
      }
    }
  });
});
