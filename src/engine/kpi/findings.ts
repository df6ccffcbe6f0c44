/**
 * KPI data-quality findings. Each names the SOURCE cell to change (the officer's register, data sheet or scorecard),
 * says what is wrong and how to fix it. Severities are warnings or notes: a KPI problem never makes the plan itself
 * unusable. A "Rule: <id>" row in Plan Settings changes a rule's severity or turns it off, as for the plan rules.
 */
import { describeCode } from '../ascof';
import { codeWordsMismatch, codesInWords } from '../ascof-words';
import { Finding, PlanSettings, Severity } from '../schema';
import { a1, parseA1 } from '../workbook';
import { isRatio, KpiComputation, observationValue } from './compute';
import { polarityFindings } from './polarity-findings';
import { impossibleFor } from './possible-range';
import { statedFindings } from './stated-findings';
import { excelTrim, expectedEndOffset, KIND_MONTHS, keyAt, keyEndOffset, keyKind, PeriodKind, periodLabel } from './period';
import { idMatchKey, KpiDefinitionSource, KpiReading, LongBlock, WideBlock } from './read';

export const KPI_RULES = {
  'kpi-missing-target': { severity: 'warning', title: 'KPI without a target' },
  'kpi-missing-data': { severity: 'warning', title: 'KPI figures missing for a period' },
  'kpi-denominator-zero': { severity: 'warning', title: 'Denominator of zero' },
  'kpi-value-out-of-range': { severity: 'warning', title: 'KPI value that cannot be right' },
  'kpi-duplicate-period': { severity: 'warning', title: 'Two rows for the same KPI and period' },
  'kpi-unknown-id': { severity: 'warning', title: 'Data for a KPI not in the register' },
  'kpi-duplicate-id': { severity: 'warning', title: 'KPI id used twice in the register' },
  'kpi-period-unreadable': { severity: 'warning', title: 'Period not recognised' },
  'kpi-value-not-a-number': { severity: 'warning', title: 'Text where a figure should be' },
  'kpi-value-missing': { severity: 'info', title: 'A figure marked suppressed or not available' },
  'unknown-framework-code': { severity: 'warning', title: 'ASCOF code in neither framework' },
  'kpi-local-code': { severity: 'info', title: 'Local or survey indicator, not an ASCOF code' },
  'kpi-old-framework-code': { severity: 'info', title: 'ASCOF code from the pre-2023 framework' },
  'kpi-code-names-other-measure': { severity: 'warning', title: "ASCOF code that names a different measure from the KPI's name" },
  'kpi-unit-from-framework': { severity: 'info', title: 'Unit or polarity taken from the ASCOF catalogue' },
  'kpi-polarity-unsure': { severity: 'warning', title: 'Not known whether higher or lower is better' },
  'kpi-stated-rag-differs': { severity: 'warning', title: "The council's RAG and the tolerance rule disagree" },
  'kpi-stated-direction-differs': { severity: 'warning', title: "The council's direction of travel and the figures disagree" },
  'kpi-scorecard-unread': { severity: 'warning', title: 'A sheet that looks like a scorecard could not be read' },
} as const satisfies Record<string, { severity: Severity; title: string }>;
export type KpiRuleId = keyof typeof KPI_RULES;

/** A finding before the plan's rule severities are applied. */
export interface Raw {
  rule: KpiRuleId;
  sheet: string;
  cell: string;
  message: string;
  fix: string;
  /** The KPI the officer can answer the finding for (kpi-polarity-unsure). */
  kpi?: string;
}

export const fmt = (n: number): string => String(Number(n.toPrecision(6)));
const rowWord = (rows: number[]): string => (rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`);

function definitionFindings(reading: KpiReading): Raw[] {
  const out: Raw[] = [];
  for (const d of reading.definitions) {
    const def = d.definition;
    const sheet = def.source.sheet;
    const fallbackCell = d.cells.id ?? d.cells.name ?? a1(def.source.row, 1);
    if (def.target === null) {
      out.push({
        rule: 'kpi-missing-target',
        sheet,
        cell: d.cells.target ?? fallbackCell,
        message: `${def.id} has no target, so it cannot be RAG-rated.`,
        fix: d.cells.target
          ? `Enter the ${def.polarity === 'lower' ? 'maximum' : 'minimum'} acceptable value for ${def.id} in the target cell, in the KPI's unit (${def.unit}).`
          : `Add a "Target" column to the register and enter ${def.id}'s target in the KPI's unit (${def.unit}).`,
      });
    }
    const codeCell = d.cells.code ?? fallbackCell;
    if (def.code && !d.citations.length) {
      out.push({
        rule: 'kpi-local-code',
        sheet,
        cell: codeCell,
        message: `${def.id} cites “${def.code}”, a local or survey indicator rather than an ASCOF code; it is not checked against ASCOF.`,
        fix: 'Nothing to do if this is a local measure. If it is meant to be an ASCOF measure, write its ASCOF code (for example “ASCOF 2A”).',
      });
    }
    for (const c of d.citations) {
      const mismatch = c.matches.length ? codeWordsMismatch(c.code, def.name) : null;
      if (mismatch) {
        // The same check as ascof-code-names-other-measure on plan text: the KPI's own name is the measure's words.
        const codes = codesInWords(mismatch.wordsName);
        out.push({
          rule: 'kpi-code-names-other-measure',
          sheet,
          cell: codeCell,
          message: `${def.id} “${def.name}” cites ASCOF ${c.raw}, but its name reads as “${mismatch.wordsName[0].name}” (${codes}). ${describeCode(c.code)}`,
          fix: `Check which measure is meant. “${mismatch.wordsName[0].name}” is ${codes}: correct the code, or the name if the code is right.`,
        });
      }
      if (!c.matches.length) {
        out.push({
          rule: 'unknown-framework-code',
          sheet,
          cell: codeCell,
          message: `${def.id} cites ASCOF ${c.raw}, which is not a code in the current (2023-24) or pre-2023 ASCOF.`,
          fix: 'Check the code against the ASCOF handbook; if it is a local indicator, label it as local (for example “Local indicator 9Z”).',
        });
      } else if (c.matches.every((m) => m.framework === 'pre-2023')) {
        const successor = [...new Set(c.matches.map((m) => m.replacedBy).filter(Boolean))];
        out.push({
          rule: 'kpi-old-framework-code',
          sheet,
          cell: codeCell,
          message: `${def.id}: ${describeCode(c.code)}`,
          fix: successor.length
            ? `From 2023-24 this measure is ASCOF ${successor.join(' / ')}; cite that code if the plan reports against the current framework.`
            : 'Keep the pre-2023 code if the plan reports against it; the current framework has no confirmed code for this measure.',
        });
      }
    }
    if (d.unitFrom === 'framework' || d.polarityFrom === 'framework') {
      const what = [d.unitFrom === 'framework' ? `unit (${def.unit})` : null, d.polarityFrom === 'framework' ? `polarity (${def.polarity} is better)` : null].filter(Boolean).join(' and ');
      const code = d.citations[0]?.code ?? '';
      out.push({
        rule: 'kpi-unit-from-framework',
        sheet,
        cell: d.unitFrom === 'framework' ? (d.cells.unit ?? codeCell) : (d.cells.polarity ?? codeCell),
        message: `${def.id} gives no ${d.unitFrom === 'framework' && d.polarityFrom === 'framework' ? 'unit or polarity' : d.unitFrom === 'framework' ? 'unit' : 'polarity'}; the ${what} come${what.includes(' and ') ? '' : 's'} from the ASCOF catalogue. ${describeCode(code)}`,
        fix: `Check and enter the ${what.replace(/ \(.*?\)/g, '')} in the register so the KPI does not depend on the catalogue.`,
      });
    }
  }
  for (const dup of reading.duplicateDefinitions) {
    out.push({
      rule: 'kpi-duplicate-id',
      sheet: dup.sheet,
      cell: dup.cell,
      message: `${dup.id} is already defined in ${dup.firstSheet} row ${dup.firstRow}; this second definition is ignored.`,
      fix: `Give this KPI its own id, or delete the duplicate row.`,
    });
  }
  return out;
}

function dataFindings(reading: KpiReading, computation: KpiComputation): Raw[] {
  const out: Raw[] = [];
  const defs = new Map<string, KpiDefinitionSource>();
  for (const d of reading.definitions) defs.set(idMatchKey(d.definition.id), d);
  const unknown = new Map<string, { sheet: string; cell: string; rows: number[]; id: string }>();
  /** Per KPI: the periods that have a row (filled or not), with the period cell and the sheet. */
  const present = new Map<string, Map<number, { sheet: string; cell: string; row: number }>>();

  for (const s of reading.observations) {
    const o = s.observation;
    const sheet = o.source.sheet;
    const def = defs.get(idMatchKey(excelTrim(o.kpiId)));
    for (const t of s.textValues) {
      const where = `${o.kpiId || `Row ${o.source.row}`}${o.period ? `, ${o.period}` : ''}`;
      out.push(
        t.missing
          ? {
              rule: 'kpi-value-missing',
              sheet,
              cell: t.cell,
              message: `${where}: ${t.missing}. There is no figure for this period, so it is left out of the calculations (never counted as zero).`,
              fix: 'Nothing to do while the figure is suppressed or not available; enter the number when there is one.',
            }
          : {
              rule: 'kpi-value-not-a-number',
              sheet,
              cell: t.cell,
              message: `${where}: “${t.text}” is text, not a number, so it is left out of the calculations.`,
              fix: 'Enter the figure as a number (no units or words), or clear the cell and explain in the Note column.',
            },
      );
    }
    if (!def) {
      const anyFigure = o.numerator !== null || o.denominator !== null || o.value !== null || s.hasPeriod;
      if (!anyFigure) continue;
      const label = o.kpiId || '(no KPI ID)';
      const k = `${sheet}|${idMatchKey(label)}`;
      const entry = unknown.get(k) ?? { sheet, cell: s.cells.id ?? s.cells.period ?? a1(o.source.row, 1), rows: [], id: label };
      entry.rows.push(o.source.row);
      unknown.set(k, entry);
      continue;
    }
    const id = def.definition.id;
    const unit = def.definition.unit;
    if (s.hasPeriod && s.key === null) {
      out.push({
        rule: 'kpi-period-unreadable',
        sheet,
        cell: s.cells.period ?? a1(o.source.row, 1),
        message: `${id}: the period “${o.period}” in row ${o.source.row} is not a month, quarter or year PlanAssure can read, so the row is left out.`,
        fix: 'Write the period as “Q1 2025/26” (financial-year quarter), “Apr-25” (month), “2024/25” (financial year) or “2025”.',
      });
      continue;
    }
    if (s.key === null) continue;
    const rows = present.get(id) ?? new Map();
    present.set(id, rows);
    const earlier = rows.get(s.key);
    const isWide = s.layout === 'wide';
    if (o.denominator === 0) {
      out.push({
        rule: 'kpi-denominator-zero',
        sheet,
        cell: s.cells.denominator ?? a1(o.source.row, 1),
        message: `${id}, ${o.period}: the denominator is 0, so the ${unit} cannot be worked out${o.value !== null ? ' (the Value column is used instead)' : ''}.`,
        fix: `Enter the real denominator for ${o.period} (the number of people or cases counted), or clear the row if there is no figure yet.`,
      });
    }
    const value = observationValue(o, unit);
    if (value === null && !isWide && o.denominator !== 0 && !s.textValues.length) {
      const cell = o.numerator === null && s.cells.numerator ? s.cells.numerator : o.denominator === null && s.cells.denominator ? s.cells.denominator : (s.cells.value ?? s.cells.numerator ?? a1(o.source.row, 1));
      out.push({
        rule: 'kpi-missing-data',
        sheet,
        cell,
        message: `${id} has a row for ${o.period} (row ${o.source.row}) but no figure: ${o.numerator !== null || o.denominator !== null ? 'the numerator or denominator is missing' : 'the figure cells are empty'}.`,
        fix: `Enter ${s.cells.numerator ? 'the numerator and denominator' : 'the value'} for ${o.period}, or delete the row if there is no figure.`,
      });
    }
    if (value !== null && Number.isFinite(value)) {
      const ratio = isRatio(o);
      const cell = ratio ? (o.numerator! < 0 ? s.cells.numerator : o.denominator! < 0 ? s.cells.denominator : s.cells.numerator) : s.cells.value;
      const impossible = impossibleFor(value, unit) !== null;
      if (impossible && unit === 'percentage') {
        out.push({
          rule: 'kpi-value-out-of-range',
          sheet,
          cell: cell ?? a1(o.source.row, 1),
          message: ratio
            ? `${id}, ${o.period}: ${fmt(o.numerator!)} out of ${fmt(o.denominator!)} is ${fmt(value)}%, outside 0–100%.`
            : `${id}, ${o.period}: ${fmt(value)}% is outside 0–100%.`,
          fix: ratio ? 'Check the numerator and denominator: the numerator counts people within the denominator, so it cannot be larger (or negative).' : 'Check the figure: a percentage lies between 0 and 100.',
        });
      } else if (impossible) {
        out.push({
          rule: 'kpi-value-out-of-range',
          sheet,
          cell: cell ?? a1(o.source.row, 1),
          message: `${id}, ${o.period}: ${fmt(value)} is negative, but a ${unit === 'number' ? 'count' : unit} cannot be.`,
          fix: 'Check the figure and enter it without a minus sign (a fall belongs in the change, not the figure).',
        });
      }
    }
    if (earlier && (value !== null || !isWide)) {
      out.push({
        rule: 'kpi-duplicate-period',
        sheet,
        cell: s.cells.period ?? a1(o.source.row, 1),
        message: `${id} has two rows for ${o.period}: ${earlier.sheet === sheet ? `row ${earlier.row}` : `${earlier.sheet} row ${earlier.row}`} and row ${o.source.row}. The later row is used.`,
        fix: `Delete the row that is wrong (or correct its period), so ${id} has one figure for ${o.period}.`,
      });
    }
    if (s.hasPeriod) rows.set(s.key, { sheet, cell: s.cells.period ?? a1(o.source.row, 1), row: o.source.row });
  }

  for (const u of unknown.values()) {
    out.push({
      rule: 'kpi-unknown-id',
      sheet: u.sheet,
      cell: u.cell,
      message:
        u.id === '(no KPI ID)'
          ? `${rowWord(u.rows)} ${u.rows.length === 1 ? 'has' : 'have'} figures but no KPI ID, so ${u.rows.length === 1 ? 'it is' : 'they are'} left out.`
          : `${u.id} (${rowWord(u.rows)}) is not in the KPI register, so its figures are left out.`,
      fix: u.id === '(no KPI ID)' ? 'Enter the KPI ID the figures belong to.' : `Add ${u.id} to the KPI register (with its name, unit, polarity and target), or correct the id if it is a typing error.`,
    });
  }

  // Gaps: a period missing between two the KPI has, and the reporting period itself.
  const wideCells = new Map<string, { sheet: string; cell: string }>();
  for (const b of reading.blocks) if (b.kind === 'wide') for (const c of b.cells) wideCells.set(`${idMatchKey(c.kpiId)}|${c.key}`, { sheet: b.sheet, cell: a1(c.row, c.col) });
  // The data sheet each KPI's figures are in (the first, when several), else the first long data sheet.
  const blockOf = new Map<string, LongBlock | WideBlock>();
  for (const b of reading.blocks) {
    if (b.kind === 'wide') for (const c of b.cells) if (!blockOf.has(idMatchKey(c.kpiId))) blockOf.set(idMatchKey(c.kpiId), b);
  }
  const longBySheet = new Map(reading.blocks.filter((b): b is LongBlock => b.kind === 'long').map((b) => [b.sheet, b]));
  for (const o of reading.observations) {
    const key = idMatchKey(excelTrim(o.observation.kpiId));
    const long = longBySheet.get(o.observation.source.sheet);
    if (long && !blockOf.has(key)) blockOf.set(key, long);
  }
  const dataSheetFor = (id: string): LongBlock | WideBlock | null => blockOf.get(idMatchKey(id)) ?? reading.blocks.find((b) => b.kind === 'long') ?? null;
  const reported = new Set<string>();
  for (const k of computation.kpis) {
    const id = k.definition.id;
    const rows = present.get(id) ?? new Map<number, { sheet: string; cell: string; row: number }>();
    const keys = [...rows.keys()].sort((a, b) => a - b);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      const kind = keyKind(a);
      if (keyKind(b) !== kind) continue;
      const step = KIND_MONTHS[kind];
      const gap = keyEndOffset(b) - keyEndOffset(a);
      if (gap <= step || gap % step !== 0) continue;
      for (let end = keyEndOffset(a) + step; end < keyEndOffset(b); end += step) {
        const missing = keyAt(end, kind);
        const where = wideCells.get(`${idMatchKey(id)}|${missing}`) ?? rows.get(b)!;
        reported.add(`${id}|${missing}`);
        out.push({
          rule: 'kpi-missing-data',
          sheet: where.sheet,
          cell: where.cell,
          message: `${id} has no figure for ${periodLabel(missing)}, between ${periodLabel(a)} (${rows.get(a)!.sheet === where.sheet ? `row ${rows.get(a)!.row}` : rows.get(a)!.sheet}) and ${periodLabel(b)} (row ${rows.get(b)!.row}).`,
          fix: `Add ${id}'s figure for ${periodLabel(missing)}${wideCells.has(`${idMatchKey(id)}|${missing}`) ? '' : ' as a new row'}, or say in a note why there is none.`,
        });
      }
    }
    if (!k.stale || computation.reportingKey === null) continue;
    const kind = (k.latest ? keyKind(k.latest.key) : keys.length ? keyKind(keys[keys.length - 1]) : kindOfFrequency(k.definition.frequency)) as PeriodKind;
    const expected = keyAt(expectedEndOffset(kind, computation.reportingKey), kind);
    if (reported.has(`${id}|${expected}`) || rows.has(expected)) continue;
    const wide = wideCells.get(`${idMatchKey(id)}|${expected}`);
    const block = dataSheetFor(id);
    const def = defs.get(idMatchKey(id))!;
    const where = wide ?? (block?.kind === 'long' ? { sheet: block.sheet, cell: a1(block.lastRow + 1, block.columns.id ?? 1) } : { sheet: def.definition.source.sheet, cell: def.cells.id ?? def.cells.name ?? a1(def.definition.source.row, 1) });
    out.push({
      rule: 'kpi-missing-data',
      sheet: where.sheet,
      cell: where.cell,
      message: k.latest
        ? `${id} has no figure for ${periodLabel(expected)}, the latest ${kindWord(kind)} by the reporting period; its latest is ${k.latest.period}, so it is rated Grey.`
        : `${id} has no figures at all${block ? '' : ' (the workbook has no KPI data sheet)'}, so it is rated Grey.`,
      fix: wide
        ? `Enter ${id}'s figure for ${periodLabel(expected)} in this cell.`
        : block?.kind === 'long'
          ? `Add a row for ${id}, ${periodLabel(expected)} with its figures to ${block.sheet}.`
          : `Add a KPI data sheet (KPI ID, Period, Numerator, Denominator, Value, Note) with ${id}'s figures.`,
    });
  }
  return out;
}

function kindOfFrequency(frequency: string | null): PeriodKind {
  return frequency === 'monthly' ? 1 : frequency === 'annual' ? 3 : 2;
}

function kindWord(kind: PeriodKind): string {
  return kind === 1 ? 'month' : kind === 2 ? 'quarter' : 'year';
}

/** Every KPI finding for a reading and its computation (and `more` made elsewhere), with the plan's rule severities applied. */
export function kpiFindings(reading: KpiReading, computation: KpiComputation, settings: Pick<PlanSettings, 'ruleSeverities' | 'ragTolerance'>, more: readonly Raw[] = []): Finding[] {
  const overrides = settings.ruleSeverities ?? {};
  const out: Finding[] = [];
  const raws = [...definitionFindings(reading), ...polarityFindings(reading), ...statedFindings(reading, computation, settings), ...dataFindings(reading, computation), ...more];
  for (const raw of raws) {
    const override = overrides[raw.rule];
    if (override === 'off') continue;
    const finding: Finding = { rule: raw.rule, severity: override ?? KPI_RULES[raw.rule].severity, sheet: raw.sheet, cell: raw.cell, message: raw.message, fix: raw.fix };
    if (raw.kpi) finding.kpi = raw.kpi;
    out.push(finding);
  }
  // Warnings before notes, then sheet by sheet in workbook order, row by row.
  const sheetOrder = reading.layouts.map((l) => l.sheet);
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const position = (f: Finding) => {
    const { row, col } = parseA1(f.cell);
    return [rank[f.severity], sheetOrder.indexOf(f.sheet), row, col];
  };
  return out
    .map((f, i) => ({ f, i, p: position(f) }))
    .sort((x, y) => x.p[0] - y.p[0] || x.p[1] - y.p[1] || x.p[2] - y.p[2] || x.p[3] - y.p[3] || x.i - y.i)
    .map((x) => x.f);
}
