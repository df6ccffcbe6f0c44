/**
 * Cells as officers fill them: numbers, fractions shown as percentages, and numbers typed as text ("1,234",
 * "45.2%", "£1.2m", "12.5 days"), plus the markers councils use for suppressed or missing figures.
 */
import { Measure } from './catalogue';

/** A sheet cell: text, number, a real date, or a value with a number format or bold font. */
export type Cell = null | string | number | { v: string | number | Date; numFmt?: string; bold?: boolean };

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Merged areas in A1 form. */
  merges?: string[];
}

/**
 * How a layout writes its figures:
 *  number   a number cell as the officer sees it (75.2 for 75.2%);
 *  fraction a percentage kept as a fraction with a % format (0.752 shown as 75.2%); other units as numbers;
 *  text     typed as text with separators, "%", "£…m", " days".
 */
export type NumberStyle = 'number' | 'fraction' | 'text';

export const SUPPRESSED_MARKERS = ['*', '<5', 'n/a', '-', '[c]', '[x]', '[z]', 'no data'] as const;

function grouped(value: number, decimals: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: Math.max(0, decimals), maximumFractionDigits: Math.max(0, decimals) });
}

/** A figure in the layout's style. */
export function figureCell(value: number, m: Measure, style: NumberStyle): Cell {
  if (style === 'number') return value;
  if (style === 'fraction') {
    if (m.unit !== 'percentage') return value;
    return { v: Number((value / 100).toFixed(Math.max(0, m.decimals) + 2)), numFmt: m.decimals > 0 ? '0.0%' : '0%' };
  }
  if (m.money) return `£${Number((value / 1_000_000).toFixed(1))}m`;
  if (m.unit === 'percentage') return `${grouped(value, m.decimals)}%`;
  if (m.unit === 'days') return `${grouped(value, m.decimals)} days`;
  return grouped(value, m.decimals);
}

/** Reads back a figure cell the way the truth means it: the reference the property tests hold the writer to. */
export function figureOf(cell: Cell): number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') {
    const t = cell.trim();
    if ((SUPPRESSED_MARKERS as readonly string[]).includes(t)) return null;
    const money = /^£([\d.,]+)m$/.exec(t);
    if (money) return Number(money[1].replace(/,/g, '')) * 1_000_000;
    const n = /^(-?[\d,]+(?:\.\d+)?)\s*(%|days)?$/.exec(t);
    return n ? Number(n[1].replace(/,/g, '')) : null;
  }
  if (typeof cell.v === 'number') return cell.numFmt?.includes('%') ? cell.v * 100 : cell.v;
  return typeof cell.v === 'string' ? figureOf(cell.v) : null;
}
