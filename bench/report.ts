import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';

/**
 * One measured figure. `compare` holds the same-run figures it is judged against (the floor is
 * the least work any implementation must do; the peer is a published alternative), so a noisy
 * machine moves both sides together and the ratio stays meaningful.
 */
export interface Result {
  name: string;
  value: number | null;
  unit: string;
  /** Human-readable budget from DESIGN.md, or null for figures reported for context only. */
  budget: string | null;
  pass: boolean;
  compare: { floor?: number; peer?: number; [other: string]: number | string | undefined };
  note?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string | null;
  loadAverage: { start: number[]; end?: number[] };
  commit: string | null;
}

export function machine(): Machine {
  const run = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: run(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
    loadAverage: { start: loadavg().map((l) => Math.round(l * 100) / 100) },
    commit: run('git', ['rev-parse', '--short', 'HEAD']),
  };
}

/** Budget helpers: each returns the fields of a Result that depend on the budget. */
export const atMost = (limit: number, text: string) => (value: number | null) => ({ budget: text, pass: value !== null && value <= limit });
export const atLeast = (limit: number, text: string) => (value: number | null) => ({ budget: text, pass: value !== null && value >= limit });
export const info = () => () => ({ budget: null, pass: true });

export class Recorder {
  readonly results: Result[] = [];

  add(
    name: string,
    value: number | null,
    unit: string,
    judge: (value: number | null) => { budget: string | null; pass: boolean },
    compare: Result['compare'] = {},
    note?: string,
  ): void {
    const rounded = value === null || !Number.isFinite(value) ? null : round(value);
    const r: Result = { name, value: rounded, unit, ...judge(rounded), compare: roundAll(compare) };
    if (note) r.note = note;
    this.results.push(r);
    console.log(line(r));
  }

  /** A measurement that could not be taken: it fails its budget and says why. */
  missing(name: string, unit: string, budget: string | null, note: string): void {
    const r: Result = { name, value: null, unit, budget, pass: false, compare: {}, note };
    this.results.push(r);
    console.log(line(r));
  }
}

function round(v: number): number {
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 2 : 4;
  return Number(v.toFixed(digits));
}

function roundAll(c: Result['compare']): Result['compare'] {
  const out: Result['compare'] = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = typeof v === 'number' ? round(v) : v;
  return out;
}

function line(r: Result): string {
  const v = r.value === null ? '—' : `${r.value} ${r.unit}`;
  const cmp = Object.entries(r.compare).map(([k, x]) => `${k}=${x}`).join(' ');
  const verdict = r.value === null && !r.pass ? 'MISS' : r.budget === null ? 'info' : r.pass ? 'PASS' : 'FAIL';
  return `${verdict.padEnd(4)}  ${r.name.padEnd(44)} ${v.padStart(16)}  ${(r.budget ?? '').padEnd(18)} ${cmp}${r.note ? `  (${r.note})` : ''}`;
}

/** Markdown table of all results (bench/results/latest.md), from which the README quotes its table. */
export function markdownTable(results: readonly Result[]): string {
  const rows = results.map((r) => {
    const v = r.value === null ? '—' : `${r.value} ${r.unit}`;
    const cmp = Object.entries(r.compare).map(([k, x]) => `${k} ${x}`).join('; ');
    const verdict = r.value === null && !r.pass ? '**missing**' : r.budget === null ? 'info' : r.pass ? 'pass' : '**fail**';
    return `| ${r.name} | ${v} | ${r.budget ?? '—'} | ${verdict} | ${cmp}${r.note ? ` (${r.note})` : ''} |`;
  });
  return ['| measurement | value | budget | result | same-run comparison |', '|---|---|---|---|---|', ...rows].join('\n');
}
