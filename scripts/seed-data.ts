/**
 * Loads the seed transcriptions in seeds/data/*.yaml (format: seeds/data/FORMAT.md). Shared by the workbook
 * builder (scripts/build-seeds.ts) and the tests that check the built workbooks and the structuring engine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const SEED_DATA_DIR = path.join(REPO_ROOT, 'seeds', 'data');
export const SEED_DIR = path.join(REPO_ROOT, 'seeds');

export type SeedCellValue = string | number | null;
export interface SeedCellObject {
  v?: SeedCellValue;
  date?: string;
  down?: number;
  across?: number;
  bold?: boolean;
}
export type SeedCell = SeedCellValue | SeedCellObject;

export type SeedRow =
  | 'blank'
  | { title: string }
  | { section: string | SeedCell[] }
  | { header: SeedCell[] }
  | { cells: SeedCell[] }
  | { note: string };

export type SeedRowKind = 'blank' | 'title' | 'section' | 'header' | 'cells' | 'note';

export interface SeedSheet {
  name: string;
  widths: number[];
  rows: SeedRow[];
}

export interface SeedActionExpectation {
  ref: string | null;
  theme: string | null;
  qualityStatement: string | null;
  area: string | null;
  action: string;
  lead: string | null;
  timescale: string | null;
  dueDate: string | null;
  status: string | null;
  rag: string | null;
}

export interface SeedPlan {
  /** The YAML file's base name, without extension. */
  id: string;
  file: string;
  council: string;
  title: string;
  source: string;
  planStart: string;
  sheets: SeedSheet[];
  actions: SeedActionExpectation[];
}

export function rowKind(row: SeedRow): SeedRowKind {
  if (row === 'blank' || row === null) return 'blank';
  return Object.keys(row)[0] as SeedRowKind;
}

/** Normalises a YAML scalar that the parser may have read as a Date or number into the text the file shows. */
function asIsoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export function loadSeedPlan(file: string): SeedPlan {
  const raw = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const plan = raw as unknown as SeedPlan;
  plan.id = path.basename(file, '.yaml');
  plan.planStart = asIsoDate(raw.planStart) ?? '';
  for (const action of plan.actions ?? []) {
    action.dueDate = asIsoDate(action.dueDate);
    for (const key of ['ref', 'timescale', 'lead', 'theme', 'area', 'qualityStatement', 'status', 'rag'] as const) {
      const v = action[key] as unknown;
      action[key] = v === undefined || v === null ? null : String(v);
    }
  }
  return plan;
}

export function loadSeedPlans(): SeedPlan[] {
  return fs
    .readdirSync(SEED_DATA_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadSeedPlan(path.join(SEED_DATA_DIR, f)));
}

export function cellObject(cell: SeedCell): SeedCellObject {
  if (cell !== null && typeof cell === 'object') return cell;
  return { v: cell };
}

/** The text a seed cell shows, for comparisons: dates as YYYY-MM-DD, numbers as written. */
export function cellText(cell: SeedCell): string {
  const c = cellObject(cell);
  if (c.date !== undefined) return asIsoDate(c.date) ?? '';
  return c.v === null || c.v === undefined ? '' : String(c.v);
}
