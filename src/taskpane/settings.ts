/**
 * The pane's settings, kept in the workbook (Excel's document settings, so they travel with the file) under one key
 * as JSON. They override the workbook's "Plan Settings" sheet, which in turn overrides PlanAssure's defaults.
 *
 * Deliberately free of the engine at run time (type imports only): this module is part of the first-load bundle.
 */
import { RAGS } from '../engine/rag-states';
import type { Rag, Severity } from '../engine/schema';

export const SETTINGS_KEY = 'PlanAssure.settings';

export const RAG_NAMES: readonly Rag[] = RAGS;
export const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;

export type RuleSeverity = Severity | 'off';

export interface LastBoardPack {
  /** When it was built, as an ISO date-time. */
  at: string;
  /** The reporting period it covers, e.g. "Q2 2025/26". */
  period: string | null;
  sheets: string[];
}

export interface PaneSettings {
  /** YYYY-MM-DD: where "Short-term", "6m"… count from. */
  planStart: string | null;
  /** e.g. "Q2 2025/26". */
  reportingPeriod: string | null;
  /** KPI amber tolerance as a fraction of target (0.05 = 5%). */
  ragTolerance: number | null;
  /** What each RAG colour means, where the council words it differently. */
  ragLegend: Partial<Record<Rag, string>>;
  protectiveMarking: string | null;
  /** Per rule id: a different severity, or "off". */
  ruleSeverities: Record<string, RuleSeverity>;
  /** The column mapping the officer last confirmed (a signature, see engine-bridge.ts). */
  confirmedMapping: string | null;
  lastBoardPack: LastBoardPack | null;
}

export const EMPTY_SETTINGS: PaneSettings = {
  planStart: null,
  reportingPeriod: null,
  ragTolerance: null,
  ragLegend: {},
  protectiveMarking: null,
  ruleSeverities: {},
  confirmedMapping: null,
  lastBoardPack: null,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^Q([1-4])\s+(\d{4})\/(\d{2})$/i;
const SEVERITY_VALUES: readonly RuleSeverity[] = ['error', 'warning', 'info', 'off'];

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** "Q2 2025/26", with the second year following the first. */
export function isReportingPeriod(value: string): boolean {
  const m = PERIOD.exec(value.trim());
  return !!m && (Number(m[2]) + 1) % 100 === Number(m[3]);
}

/** Reads whatever was stored, keeping what is valid and dropping the rest: a damaged setting never stops the pane. */
export function parseSettings(raw: unknown): PaneSettings {
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return { ...EMPTY_SETTINGS };
    }
  }
  if (!data || typeof data !== 'object') return { ...EMPTY_SETTINGS };
  const o = data as Record<string, unknown>;
  const planStart = str(o.planStart);
  const period = str(o.reportingPeriod);
  const tolerance = typeof o.ragTolerance === 'number' && Number.isFinite(o.ragTolerance) && o.ragTolerance >= 0 && o.ragTolerance < 1 ? o.ragTolerance : null;
  const legend: Partial<Record<Rag, string>> = {};
  if (o.ragLegend && typeof o.ragLegend === 'object') {
    for (const rag of RAG_NAMES) {
      const text = str((o.ragLegend as Record<string, unknown>)[rag]);
      if (text) legend[rag] = text;
    }
  }
  const severities: Record<string, RuleSeverity> = {};
  if (o.ruleSeverities && typeof o.ruleSeverities === 'object') {
    for (const [id, value] of Object.entries(o.ruleSeverities as Record<string, unknown>)) {
      if (SEVERITY_VALUES.includes(value as RuleSeverity)) severities[id] = value as RuleSeverity;
    }
  }
  let last: LastBoardPack | null = null;
  const lb = o.lastBoardPack as Record<string, unknown> | null | undefined;
  if (lb && typeof lb === 'object' && str(lb.at)) {
    last = {
      at: str(lb.at)!,
      period: str(lb.period),
      sheets: Array.isArray(lb.sheets) ? lb.sheets.filter((s): s is string => typeof s === 'string') : [],
    };
  }
  return {
    planStart: planStart && isIsoDate(planStart) ? planStart : null,
    reportingPeriod: period && isReportingPeriod(period) ? period : null,
    ragTolerance: tolerance,
    ragLegend: legend,
    protectiveMarking: str(o.protectiveMarking),
    ruleSeverities: severities,
    confirmedMapping: str(o.confirmedMapping),
    lastBoardPack: last,
  };
}

export function serialiseSettings(settings: PaneSettings): string {
  return JSON.stringify(settings);
}

/** Problems with settings the officer typed, in plain English, by field; empty when all is well. */
export function settingsProblems(s: PaneSettings): Partial<Record<'planStart' | 'reportingPeriod' | 'ragTolerance', string>> {
  const problems: Partial<Record<'planStart' | 'reportingPeriod' | 'ragTolerance', string>> = {};
  if (s.planStart !== null && !isIsoDate(s.planStart)) problems.planStart = 'Enter a real date, for example 2025-04-01.';
  if (s.reportingPeriod !== null && !isReportingPeriod(s.reportingPeriod)) {
    problems.reportingPeriod = 'Write a financial-year quarter such as "Q2 2025/26".';
  }
  if (s.ragTolerance !== null && !(s.ragTolerance >= 0 && s.ragTolerance < 1)) problems.ragTolerance = 'Enter a percentage from 0 to 99.';
  return problems;
}

/** Today's date in the officer's time zone, YYYY-MM-DD: the engine never reads the clock, the pane does. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "23/11/2026 at 14:05", for the officer. */
export function ukDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} at ${two(d.getHours())}:${two(d.getMinutes())}`;
}
