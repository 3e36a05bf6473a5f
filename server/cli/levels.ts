// `npm run levels`: the level report (shared/levels/report.ts). For each level in
// order, every built-in policy's score on its stream, the clairvoyant reference,
// the reference solution and the star thresholds. Usage:
//
//   npm run --silent levels            a table
//   npm run --silent levels -- --json  a JSON array, one object per level

import { LEVELS } from '../../shared/levels/levels.ts';
import { policySpread, reportLevel, type LevelReport } from '../../shared/levels/report.ts';

function main(args: readonly string[]): number {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    process.stderr.write(`unknown argument ${unknown[0]}; usage: npm run --silent levels [-- --json]\n`);
    return 2;
  }
  const reports: LevelReport[] = [];
  for (const level of LEVELS) {
    const report = reportLevel(level);
    if (!report.ok) {
      process.stderr.write(`level ${level.id}: ${report.code}: ${report.message}\n`);
      return 1;
    }
    reports.push(report.value);
  }
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(reports, null, 2)}\n` : table(reports));
  return 0;
}

function table(reports: readonly LevelReport[]): string {
  const header = ['#', 'level', 'kind', 'lesson', 'policies (worst-best)', 'clairvoyant', 'reference', 'stars'];
  const rows = reports.map((r, i) => {
    const { best, worst } = policySpread(r);
    return [String(i + 1), r.id, r.kind, r.lesson, `${worst}-${best}`, r.clairvoyant === null ? '-' : String(r.clairvoyant), String(r.reference), r.stars.join('/')];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  const details = reports.map((r) => `${r.id}: ${Object.entries(r.policies).map(([name, score]) => `${name} ${score}`).join(', ')}`);
  return [line(header), ...rows.map(line), '', ...details, ''].join('\n');
}

process.exitCode = main(process.argv.slice(2));
