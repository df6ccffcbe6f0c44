/** A long data sheet: one row per KPI per period. */
import { normalise } from '../../text';
import { CellModel, cellText, columnLetters, SheetGrid, SheetModel } from '../../workbook';
import { KpiColumn, KpiHeader } from '../headers';
import { excelTrim, periodKeyOfCell, periodLabel } from '../period';
import { marksProvisional, PeriodContext, periodInWords, strictMisreads } from '../period-words';
import { forEachDataRow, percentFactor } from './cells';
import { idTextOf } from './ids';
import { isPercentFormat, numberOf } from './numbers';
import { KpiObservationSource, LongBlock, NO_TEXT, TextValue } from './types';
import { clean, readFigureText } from './typed-numbers';

type CellField = 'id' | 'period' | 'numerator' | 'denominator' | 'value';

/** A long data row's cell addresses, built only when a finding needs one. */
class RowCells implements Partial<Record<CellField, string>> {
  constructor(
    private readonly letters: Record<CellField, string | null>,
    private readonly row: number,
  ) {}
  private at(field: CellField): string | undefined {
    const l = this.letters[field];
    return l ? `${l}${this.row}` : undefined;
  }
  get id(): string | undefined {
    return this.at('id');
  }
  get period(): string | undefined {
    return this.at('period');
  }
  get numerator(): string | undefined {
    return this.at('numerator');
  }
  get denominator(): string | undefined {
    return this.at('denominator');
  }
  get value(): string | undefined {
    return this.at('value');
  }
}

export function readLong(
  sheet: SheetModel,
  grid: SheetGrid | null,
  header: KpiHeader,
  context: PeriodContext,
): { block: LongBlock; observations: KpiObservationSource[] } {
  const f = header.byField;
  const valueCells: (CellModel | undefined)[] = [];
  if (f.value) forEachDataRow(sheet, grid, header, [f.value], (_row, cells) => valueCells.push(cells[0]));
  const valueFactor = percentFactor(valueCells);
  const observations: KpiObservationSource[] = [];
  // Column letters once: the data sheet may have tens of thousands of rows.
  const letters = (column: KpiColumn | undefined) => (column ? columnLetters(column.col) : null);
  // Without an id column, a row's KPI is named by its framework code, else by its name.
  const idColumn = f.id ?? f.code ?? f.name;
  const [idL, periodL, numL, denL, valL] = [letters(idColumn), letters(f.period), letters(f.numerator), letters(f.denominator), letters(f.value)];
  const rowLetters: Record<CellField, string | null> = { id: idL, period: periodL, numerator: numL, denominator: denL, value: valL };
  const textIn = (c: CellModel | undefined): string => (c && c.value.type !== 'number' && c.value.type !== 'date' ? cellText(c.value).trim() : '');
  let lastRow = header.row;
  const readAsWritten: LongBlock['readAsWritten'] = new Map();
  // A table with ids and names: a row whose id cell is empty is its KPI's by name (councils code some measures only).
  const nameColumn = f.id && f.name ? f.name : undefined;
  forEachDataRow(sheet, grid, header, [idColumn, f.period, f.numerator, f.denominator, f.value, f.note, f.rag, f.direction, nameColumn], (row, cells) => {
    const [idCell, periodCell, numCell, denCell, valCell, noteCell, ragCell, directionCell, nameCell] = cells;
    const ownId = idTextOf(idCell?.value);
    const byName = !ownId && !!nameCell && !!idTextOf(nameCell.value);
    const idText = byName ? idTextOf(nameCell!.value) : ownId;
    const periodText = periodCell ? cellText(periodCell.value).trim() : '';
    let numerator = numberOf(numCell?.value);
    let denominator = numberOf(denCell?.value);
    const rawValue = numberOf(valCell?.value);
    // Each figure in its own cell's unit: one KPI's fractions shown as percentages sit beside another's counts.
    const factor = rawValue === null ? valueFactor : isPercentFormat(valCell) ? 100 : 1;
    let value = rawValue === null ? null : factor === 1 ? rawValue : clean(rawValue * factor);
    const numText = numerator === null ? textIn(numCell) : '';
    const denText = denominator === null ? textIn(denCell) : '';
    const valText = rawValue === null ? textIn(valCell) : '';
    if (!idText && !periodText && numerator === null && denominator === null && rawValue === null && !numText && !denText && !valText) return;
    lastRow = row;
    // A header repeated further down (a page break in an export): the id and period cells repeat their labels.
    if (idColumn && f.period && idText.length === idColumn.label.length && normalise(idText) === normalise(idColumn.label) && normalise(periodText) === normalise(f.period.label)) return;
    let key = periodKeyOfCell(periodCell?.value);
    let period = periodCell?.value.type === 'text' || key === null ? excelTrim(periodText) : periodLabel(key);
    let provisional = false;
    let typed = false;
    if (periodCell?.value.type === 'text' && periodText && (key === null || (periodText.length > 8 && strictMisreads(periodText)))) {
      // "Q3 2025/26 (provisional)", "2023-24 YTD", "This quarter": read with the words, labelled canonically.
      const worded = periodInWords(periodText, context);
      if (worded) [key, period, provisional, typed] = [worded.key, worded.label, worded.provisional, true];
    }
    // Marks in a period the strict grammar reads ("Q2 2025/26 (provisional)"), or in the row's note ("Unvalidated").
    if (!provisional && periodText.length > 10 && marksProvisional(periodText)) provisional = true;
    const written = noteCell ? cellText(noteCell.value).trim() : '';
    if (!provisional && written && marksProvisional(written)) provisional = true;
    let textValues = NO_TEXT;
    let note: string | null = written || null;
    if (numText || denText || valText) {
      const found: TextValue[] = [];
      const take = (text: string, letter: string | null): number | null => {
        if (!text) return null;
        const figure = readFigureText({ type: 'text', value: text });
        if (figure.value !== null) {
          typed = true;
          provisional ||= figure.provisional;
          return figure.value;
        }
        if (figure.missing) note = note ? `${note}; ${figure.missing}` : figure.missing;
        found.push({ cell: `${letter}${row}`, text, ...(figure.missing ? { missing: figure.missing } : {}) });
        return null;
      };
      numerator = take(numText, numL) ?? numerator;
      denominator = take(denText, denL) ?? denominator;
      value = take(valText, valL) ?? value;
      if (found.length) textValues = found;
    }
    // The register's formulas scale the whole column as most of it is shown: a figure shown otherwise is kept as read.
    if (typed || factor !== valueFactor) {
      const ratio = numerator !== null && denominator !== null && denominator !== 0;
      readAsWritten.set(row, { key, label: period, figure: ratio ? numerator! / denominator! : value, ratio });
    }
    observations.push({
      layout: 'long',
      observation: {
        kpiId: idText,
        period,
        numerator,
        denominator,
        value,
        note,
        source: { sheet: sheet.name, row },
      },
      cells: new RowCells(rowLetters, row),
      key,
      idText,
      hasPeriod: !!periodText,
      textValues,
    });
    if (provisional) observations[observations.length - 1].observation.provisional = true;
    if (ragCell || directionCell) {
      const rag = ragCell ? cellText(ragCell.value).trim() : '';
      const direction = directionCell ? cellText(directionCell.value).trim() : '';
      if (rag || direction) observations[observations.length - 1].stated = { rag, direction };
    }
  });
  const columns: LongBlock['columns'] = {};
  for (const k of ['period', 'numerator', 'denominator', 'value', 'note'] as const) if (f[k]) columns[k] = f[k]!.col;
  // The column the ids were read from: the id column, else the code or name column that names each row's KPI.
  if (idColumn) columns.id = idColumn.col;
  return { block: { kind: 'long', sheet: sheet.name, headerRow: header.row, lastRow, columns, valueFactor, readAsWritten }, observations };
}

