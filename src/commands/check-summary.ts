/**
 * The short summary the ribbon's "Check plan" shows, and how it travels to the dialog page: as JSON in the dialog
 * URL's query string (the dialog is a page of our own, on our own origin). Kept short so the URL stays well under
 * the length browsers and Office accept. No engine imports: the dialog page bundles this file alone.
 */

export interface CheckSummary {
  title: string | null;
  actions: number;
  kpis: number;
  errors: number;
  warnings: number;
  notes: number;
  /** The first few findings, errors first: where, and what. */
  first: { where: string; message: string }[];
  /** Set when the check could not be done: what happened and what to do. */
  problem: { title: string; detail: string } | null;
}

export const SUMMARY_PARAM = 's';
const MAX_FIRST = 3;
const MAX_TEXT = 220;

const clip = (text: string, max = MAX_TEXT) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function summaryQuery(summary: CheckSummary): string {
  const compact: CheckSummary = {
    ...summary,
    title: summary.title ? clip(summary.title, 120) : null,
    first: summary.first.slice(0, MAX_FIRST).map((f) => ({ where: clip(f.where, 60), message: clip(f.message) })),
    problem: summary.problem ? { title: clip(summary.problem.title, 120), detail: clip(summary.problem.detail, 600) } : null,
  };
  return `${SUMMARY_PARAM}=${encodeURIComponent(JSON.stringify(compact))}`;
}

export function parseSummary(search: string): CheckSummary | null {
  const raw = new URLSearchParams(search).get(SUMMARY_PARAM);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as CheckSummary;
    return typeof s === 'object' && s && typeof s.actions === 'number' ? s : null;
  } catch {
    return null;
  }
}

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The summary as plain sentences: the dialog shows them, and they are what a screen reader reads. */
export function summaryLines(s: CheckSummary): { heading: string; lines: string[] } {
  if (s.problem) return { heading: s.problem.title, lines: [s.problem.detail] };
  const heading = s.errors ? 'The plan has errors to fix' : s.warnings ? 'The plan can go, with warnings' : 'The plan passed every check';
  const lines = [
    `${n(s.actions, 'action')} and ${n(s.kpis, 'KPI')} found${s.title ? ` in “${s.title}”` : ''}.`,
    `${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}, ${n(s.notes, 'note')}.`,
  ];
  return { heading, lines };
}
