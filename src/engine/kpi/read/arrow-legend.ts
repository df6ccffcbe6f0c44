/**
 * What a sheet's arrows mean, where the sheet says so: a legend such as "DoT: ↑ improved, ↓ worsened" makes an arrow
 * a judgement, not a movement of the figure. Without a legend, an arrow says which way the figure moved.
 */
import { Direction } from '../../schema';
import { SheetModel } from '../../workbook';

export interface ArrowLegend {
  up: Direction | null;
  down: Direction | null;
}

const UP = '[↑▲⬆⇧↗]';
const DOWN = '[↓▼⬇⇩↘]';
const MEANING = '\\s*(?:=|:|-|–|means|is)?\\s*(improv\\w*|better|wors\\w*|deteriorat\\w*|declin\\w*|up|down|increas\\w*|decreas\\w*|higher|lower)';

function meaningOf(word: string | undefined): Direction | null {
  if (!word) return null;
  if (/^(improv|better)/i.test(word)) return 'improving';
  if (/^(wors|deteriorat|declin)/i.test(word)) return 'worsening';
  return null;
}

const legends = new WeakMap<SheetModel, ArrowLegend | null>();

export function arrowLegend(sheet: SheetModel): ArrowLegend | null {
  if (legends.has(sheet)) return legends.get(sheet)!;
  let legend: ArrowLegend | null = null;
  for (const cell of sheet.cells) {
    if (cell.value.type !== 'text' || cell.value.value.length < 4) continue;
    const text = cell.value.value;
    const up = meaningOf(new RegExp(UP + MEANING, 'i').exec(text)?.[1]);
    const down = meaningOf(new RegExp(DOWN + MEANING, 'i').exec(text)?.[1]);
    if (up || down) {
      legend = { up, down };
      break;
    }
  }
  legends.set(sheet, legend);
  return legend;
}
