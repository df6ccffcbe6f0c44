/**
 * Polarity is never a silent default: a KPI whose sheet, code and words do not settle whether a higher or a lower
 * figure is better gets a finding at its cell asking the officer to confirm it. Direction of travel and RAG both turn
 * on polarity, so a wrong guess would show a worsening KPI as improving and Green.
 */
import { a1 } from '../workbook';
import { polarityUnconfirmed } from './compute';
import type { Raw } from './findings';
import type { KpiDefinitionSource } from './read';

/** Whether the KPI's polarity is a guess: marked unsure, or (before the evidence is recorded) the reader's default. */
export function polarityUnsure(d: Pick<KpiDefinitionSource, 'definition' | 'polarityFrom'>): boolean {
  return polarityUnconfirmed(d.definition) || (d.definition.polarityEvidence === undefined && d.polarityFrom === 'default');
}

export function polarityFindings(reading: { definitions: readonly KpiDefinitionSource[] }): Raw[] {
  const out: Raw[] = [];
  for (const d of reading.definitions) {
    if (!polarityUnsure(d)) continue;
    const def = d.definition;
    const other = def.polarity === 'higher' ? 'lower' : 'higher';
    out.push({
      rule: 'kpi-polarity-unsure',
      sheet: def.source.sheet,
      cell: d.cells.polarity ?? d.cells.name ?? d.cells.id ?? a1(def.source.row, 1),
      message:
        `${def.id} (“${def.name}”): nothing on the sheet says whether a higher or a lower figure is better (it looks like ` +
        `“${def.polarity} is better”). Its direction of travel and RAG depend on this, so the tool gives neither until it is confirmed.`,
      fix:
        `Confirm it: in the PlanAssure pane choose “Higher is better” or “Lower is better” on this finding; or add a row to the ` +
        `Plan Settings sheet with Setting “Polarity: ${def.id}” and Value “higher” or “lower”; or, with the command line, ` +
        `add --polarity "${def.id}=${other}". The answer is kept and used from then on.`,
      kpi: def.id,
    });
  }
  return out;
}
