/**
 * Holds what the tool reported for a layout against the corpus truth, and says every difference in one line each
 * ("2B target: read 28.000000000000004, truth 28"), so a failing layout tells the engineer all that is wrong with it.
 */
import { kpiReports, periodKey, periodLabel } from '../../../src/engine/kpi';
import { KpiReport } from '../../../src/engine/schema';
import { StructureResult } from '../../../src/engine/structure';
import { KpiTruth, TruthPoint } from './truth';

/** An id or code compared as letters and digits only, without a leading "ASCOF": "ASCOF 2A(1)" ≡ "2A1", "NI 130" ≡ "NI130". */
export function idKey(text: string): string {
  return text.toUpperCase().replace(/\bASCOF\b/g, '').replace(/[^A-Z0-9]/g, '');
}

function nameKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * The reports that are this KPI: by its id or code when the sheet gives one, else by its name. `byNameToo` also
 * takes a report whose name holds the KPI's name, whatever its id (for checks that are not about ids).
 */
export function reportsFor(truth: KpiTruth, reports: readonly KpiReport[], byNameToo = false): number[] {
  const out: number[] = [];
  reports.forEach((r, i) => {
    const byId = truth.id !== null && (idKey(r.id) === idKey(truth.id) || (r.code !== null && idKey(r.code) === idKey(truth.id)));
    const byName = (!truth.id || byNameToo) && nameKey(r.name).includes(nameKey(truth.name));
    if (byId || byName) out.push(i);
  });
  return out;
}

function idsRead(reports: readonly KpiReport[]): string {
  if (!reports.length) return 'none';
  return reports.slice(0, 3).map((r) => r.id).join(', ') + (reports.length > 3 ? ` and ${reports.length - 3} more` : '');
}

const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

function samePoint(read: KpiReport['latest'], truth: TruthPoint | null): boolean {
  if (!read || !truth) return read === truth;
  return read.period === truth.period && read.value !== null && Math.abs(read.value - truth.value) <= 1e-9 * Math.max(1, Math.abs(truth.value));
}

/** Every difference between what the tool read and the truth, one line each; empty when all is right. */
export function differences(result: StructureResult, truths: readonly KpiTruth[]): string[] {
  const reports = kpiReports(result);
  const problems: string[] = [];
  const claimed = new Set<number>();
  for (const t of truths) {
    const label = t.id ?? `"${t.name.slice(0, 40)}…"`;
    const hits = reportsFor(t, reports);
    if (hits.length !== 1) {
      problems.push(`${label}: ${hits.length ? `found ${hits.length} times` : 'not found'}${t.id ? ` (ids read: ${idsRead(reports)})` : ''}`);
      continue;
    }
    const i = hits[0];
    claimed.add(i);
    const r = reports[i];
    const d = result.kpis[i];
    const wrong = (field: string, read: unknown, truth: unknown) => problems.push(`${label} ${field}: read ${show(read)}, truth ${show(truth)}`);
    if (t.polarityBasis === 'unknowable') {
      if (d.polarityEvidence !== 'unsure') wrong('polarity', `${r.polarity} (evidence ${d.polarityEvidence ?? 'none'})`, 'unsure');
      // …and a finding on the KPI's row asks the officer which way is better.
      const asks = result.findings.some((f) => f.sheet === t.sheet && Number(/\d+$/.exec(f.cell)?.[0]) === t.row && /polarit|higher|lower|better/i.test(f.message));
      if (!asks) problems.push(`${label} polarity: no finding on row ${t.row} asks the officer to confirm it`);
    } else if (r.polarity !== t.polarity) wrong('polarity', r.polarity, `${t.polarity} (by ${t.polarityBasis})`);
    if (r.target !== t.target) wrong('target', r.target, t.target);
    if (!samePoint(r.latest, t.latest)) wrong('latest', r.latest, t.latest);
    if (!samePoint(r.previous, t.previous)) wrong('previous', r.previous, t.previous);
    // Unknowable polarity: the tool asks, and until the officer answers the rule judges no direction and no RAG (only
    // Grey, which says there is no figure and so does not turn on polarity), and the report says why.
    const unknowable = t.polarityBasis === 'unknowable';
    const ruleDirection = unknowable ? null : t.direction;
    const ruleRag = unknowable && t.rag !== 'Grey' ? null : t.rag;
    if (unknowable && !r.notRated) wrong('not-rated note', r.notRated, 'why no RAG or direction is given');
    if (!unknowable && r.notRated) wrong('not-rated note', r.notRated, `nothing (polarity ${t.polarity} by ${t.polarityBasis})`);
    // The documented contract (README, kpiReportSchema): the council's own RAG and direction lead where the sheet
    // gives them, as an entered RAG does for actions, with the tolerance rule's beside them in ruleRag/ruleDirection.
    const statedDirection = t.statedDirection ?? null;
    const statedRag = t.statedRag ?? null;
    const direction = statedDirection ?? ruleDirection;
    const rag = statedRag ?? ruleRag;
    if (r.direction !== direction) wrong(statedDirection ? "direction (the council's)" : 'direction', r.direction, direction);
    if (statedDirection && r.ruleDirection !== ruleDirection) wrong("direction by the rule (beside the council's)", r.ruleDirection, ruleDirection);
    if (r.rag !== rag) wrong(statedRag ? "RAG (the council's)" : 'RAG', r.rag, rag);
    if (statedRag && r.ruleRag !== ruleRag) wrong("RAG by the rule (beside the council's)", r.ruleRag, ruleRag);
    if (t.statedRag !== undefined && (d.statedRag ?? null) !== t.statedRag) wrong('stated RAG', d.statedRag, t.statedRag);
    if (t.statedDirection !== undefined && (d.statedDirection ?? null) !== t.statedDirection) wrong('stated direction', d.statedDirection, t.statedDirection);
    const provisional = result.observations
      // A mark on a blank or suppressed cell says nothing to the reader: only figures count.
      .filter((o) => o.kpiId === d.id && o.provisional === true && (o.value !== null || o.numerator !== null))
      .map((o) => {
        const key = periodKey(o.period);
        return key === null ? o.period : periodLabel(key);
      })
      .sort();
    if (JSON.stringify(provisional) !== JSON.stringify([...t.provisional].sort())) wrong('provisional periods', provisional, t.provisional);
  }
  reports.forEach((r, i) => {
    if (!claimed.has(i)) problems.push(`invented: ${r.id} "${r.name.slice(0, 40)}" (${r.source.sheet} row ${r.source.row})`);
  });
  return problems;
}
