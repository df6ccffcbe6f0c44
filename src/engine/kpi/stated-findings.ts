/**
 * The council's own RAG and direction of travel, where the sheet gives them, are kept (they lead in the reports, as an
 * entered RAG does for actions). Where the tool's rule disagrees, a finding at the council's cell names both, with the
 * figures behind the rule's answer, so the officer can see which is right.
 */
import { KpiUnit, PlanSettings } from '../schema';
import { a1 } from '../workbook';
import { KpiComputation, KpiComputed } from './compute';
import { fmt, Raw } from './findings';
import type { KpiDefinitionSource } from './read';

/** A figure in its unit, as a reader would write it: "31.2%", "12 days", "650 per 100,000", "4.2". */
export function inUnit(value: number, unit: KpiUnit): string {
  const n = fmt(value);
  return unit === 'percentage' ? `${n}%` : unit === 'days' ? `${n} days` : unit === 'rate per 100,000' ? `${n} per 100,000` : n;
}

/** The amber rule in words: "the 5% rule", "the ±2 days rule". */
export function toleranceWords(k: KpiComputed, defaultTolerance: number): string {
  const t = k.definition.tolerance ?? { kind: 'relative' as const, value: defaultTolerance };
  return t.kind === 'relative' ? `the ${fmt(t.value * 100)}% rule` : `the ±${inUnit(t.value, k.definition.unit)} rule`;
}

/** A cell the reader recorded for the KPI under one of these names (the stated RAG or direction), else the name or id. */
function cellFor(d: KpiDefinitionSource, names: string[]): string {
  const cells = d.cells as Partial<Record<string, string>>;
  for (const n of names) if (cells[n]) return cells[n]!;
  return d.cells.name ?? d.cells.id ?? a1(d.definition.source.row, 1);
}

function ragReason(k: KpiComputed, defaultTolerance: number): string {
  const unit = k.definition.unit;
  if (k.rag === 'Grey') {
    return k.latest
      ? `the tool rates it Grey, because its latest figure (${k.latest.period}) is not for the latest period by the reporting period`
      : 'the tool rates it Grey, because it has no figures';
  }
  return `by ${toleranceWords(k, defaultTolerance)} against a target of ${inUnit(k.target!, unit)} the latest value ${inUnit(k.latest!.value, unit)} (${k.latest!.period}) is ${k.rag}`;
}

export function statedFindings(reading: { definitions: readonly KpiDefinitionSource[] }, computation: KpiComputation, settings: Pick<PlanSettings, 'ragTolerance'>): Raw[] {
  const out: Raw[] = [];
  const sources = new Map(reading.definitions.map((d) => [d.definition, d]));
  for (const k of computation.kpis) {
    const d = sources.get(k.definition);
    if (!d) continue;
    const def = k.definition;
    if (def.statedRag && k.rag && def.statedRag !== k.rag) {
      out.push({
        rule: 'kpi-stated-rag-differs',
        sheet: def.source.sheet,
        cell: cellFor(d, ['statedRag', 'rag']),
        message: `${def.id}: the sheet says ${def.statedRag}; ${ragReason(k, settings.ragTolerance)}. The board pack shows both.`,
        fix:
          `Check the figures and the target. If ${def.statedRag} is right, say why in a note beside it; if not, change the RAG to ${k.rag}. ` +
          `To change the rule, set “RAG tolerance” in Plan Settings (or give ${def.id} a tolerance); to lead with the tool's RAG, set “KPI RAG” to “rule”.`,
      });
    }
    if (def.statedDirection && k.direction && def.statedDirection !== k.direction && k.latest && k.previous) {
      const unit = def.unit;
      out.push({
        rule: 'kpi-stated-direction-differs',
        sheet: def.source.sheet,
        cell: cellFor(d, ['statedDirection', 'direction']),
        message:
          `${def.id}: the sheet says ${def.statedDirection}; from ${inUnit(k.previous.value, unit)} (${k.previous.period}) to ` +
          `${inUnit(k.latest.value, unit)} (${k.latest.period}), with ${def.polarity} better, the figures say ${k.direction}.`,
        fix: `Check the figures and whether higher or lower is better for ${def.id}; then correct the direction or the figures.`,
      });
    }
  }
  return out;
}
