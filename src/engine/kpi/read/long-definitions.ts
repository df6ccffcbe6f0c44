/**
 * A long table that names its KPIs ("Indicator ref | Indicator | Quarter | Result | Target") is its own register:
 * a KPI it holds that no register defines is defined from its own rows, by the row of its latest period (whose
 * target, polarity and unit are the current ones).
 */
import { PlanSettings } from '../../schema';
import { SheetGrid, SheetModel } from '../../workbook';
import { KpiHeader } from '../headers';
import { arrowLegend } from './arrow-legend';
import { percentFactor } from './cells';
import { polarityFromFirstFigure, readDefinition } from './definitions';
import { idMatchKey } from './ids';
import { KpiDefinitionSource, KpiObservationSource } from './types';

/** Whether the long table says what its KPIs are, beyond an id: a name, code, target, polarity or unit column. */
export function namesItsKpis(header: KpiHeader): boolean {
  const f = header.byField;
  return !!(f.name || f.code || f.target || f.polarity || f.unit);
}

export function longDefinitions(
  sheet: SheetModel,
  header: KpiHeader,
  observations: KpiObservationSource[],
  known: (id: string) => boolean,
  settings: PlanSettings,
): KpiDefinitionSource[] {
  const groups = new Map<string, KpiObservationSource[]>();
  for (const o of observations) {
    if (!o.idText || known(o.idText)) continue;
    const key = idMatchKey(o.idText);
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  if (!groups.size) return [];
  const grid = new SheetGrid(sheet);
  const out: KpiDefinitionSource[] = [];
  for (const group of groups.values()) {
    const latest = group.reduce((best, o) => ((o.key ?? -Infinity) >= (best.key ?? -Infinity) ? o : best));
    const periodKinds = group.map((o) => (o.key === null ? 0 : o.key % 10)).filter((k) => k > 0);
    const values = group.map((o) => o.observation.value).filter((v): v is number => v !== null);
    // Figures shown as percentages (fractions with a % format, most of this KPI's) make the unit a percentage and
    // targets scale with them; other KPIs of the table may be counts.
    const valueCol = header.byField.value?.col;
    const shown = valueCol ? percentFactor(group.map((o) => grid.own(o.observation.source.row, valueCol))) : 1;
    const figures = { percent: shown === 100, unitWords: '', largest: values.length ? Math.max(...values.map(Math.abs)) : null };
    const d = readDefinition({ sheet: sheet.name, row: latest.observation.source.row, grid, header, settings, target: header.targets[0], periodKinds, figures });
    if (!d) continue;
    polarityFromFirstFigure(d, group.map((o) => ({ key: o.key, value: o.observation.value })), arrowLegend(sheet));
    // The table's rows are this KPI's data: they carry the id the definition was given.
    for (const o of group) {
      o.idText = o.observation.kpiId = d.definition.id;
    }
    out.push(d);
  }
  return out;
}
