/** Manual page breaks (Worksheet.horizontalPageBreaks, ExcelApi 1.9): enough to add them and read where they are. */
import { parseRef, splitSheet } from '../excel/address';
import { SimClientObject } from './context';
import { SimSheet } from './state';

interface RangeLike {
  _path: string;
  _target(): { rect: { row: number } };
}

export class SimPageBreakCollection extends SimClientObject<SimSheet> {
  /** A break above the range's top row, as Excel's PageBreakCollection.add places it. */
  add(pageBreakRange: RangeLike | string): void {
    const arg = typeof pageBreakRange === 'string' ? JSON.stringify(pageBreakRange) : pageBreakRange._path;
    this._call('add', [arg], (s) => {
      (this.context as unknown as { require(version: string, what: string): void }).require('1.9', 'PageBreakCollection.add');
      const row = typeof pageBreakRange === 'string' ? parseRef(splitSheet(pageBreakRange).ref).row : pageBreakRange._target().rect.row;
      const breaks = (s.page.rowBreaks ??= []);
      if (!breaks.includes(row)) breaks.push(row);
      breaks.sort((a, b) => a - b);
    });
  }
}
