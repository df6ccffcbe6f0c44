/** Freeze panes, page layout, headers and footers. */
import { MAX_COLUMNS, parseRef, splitSheet } from '../excel/address';
import { defineProps, PropSpec, SimClientObject } from './context';
import { invalidArgument } from './errors';
import { SimSheet } from './state';
import { ctxOf, currentContext } from './shared';
import { SimRange, argPath } from './range';

export class SimFreezePanes extends SimClientObject<SimSheet> {
  private freeze(method: string, args: unknown[], fn: (s: SimSheet) => void): void {
    this._call(method, args, (s) => {
      ctxOf(this).require('1.7', `WorksheetFreezePanes.${method}`);
      fn(s);
    });
  }
  freezeRows(count = 1): void {
    this.freeze('freezeRows', [count], (s) => (s.freeze = count ? { rows: count, columns: 0 } : null));
  }
  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', [count], (s) => (s.freeze = count ? { rows: 0, columns: count } : null));
  }
  freezeAt(frozenRange: SimRange | string): void {
    this.freeze('freezeAt', [argPath(frozenRange)], (s) => {
      const rect = typeof frozenRange === 'string' ? parseRef(splitSheet(frozenRange).ref) : frozenRange._target().rect;
      s.freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
    });
  }
  unfreeze(): void {
    this.freeze('unfreeze', [], (s) => (s.freeze = null));
  }
  getLocationOrNullObject(): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.getLocationOrNullObject()`,
      () => {
        const s = this._target();
        if (!s.freeze) return null;
        return { sheet: s, rect: { row: 0, col: 0, rows: Math.max(s.freeze.rows, 1), cols: Math.max(s.freeze.columns, 1) } };
      },
      true,
    );
  }
}

const PAPER = ['A4', 'A3', 'A5', 'Letter', 'Legal'];
export class SimPageLayout extends SimClientObject<SimSheet> {
  declare orientation: string;
  declare paperSize: string;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  get headersFooters(): SimHeaderFooterGroup {
    return new SimHeaderFooterGroup(this.context, `${this._path}.headersFooters`, () => this._target());
  }
  setPrintTitleRows(rows: SimRange | string): void {
    this._call('setPrintTitleRows', [argPath(rows)], (s) => {
      ctxOf(this).require('1.9', 'PageLayout.setPrintTitleRows');
      const rect = typeof rows === 'string' ? parseRef(splitSheet(rows).ref) : rows._target().rect;
      if (rect.col !== 0 || rect.cols !== MAX_COLUMNS) throw invalidArgument('The print title rows must span entire rows, e.g. "$1:$1".');
      s.page.printTitleRows = rect;
    });
  }
  getPrintTitleRowsOrNullObject(): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.getPrintTitleRowsOrNullObject()`,
      () => {
        const s = this._target();
        return s.page.printTitleRows ? { sheet: s, rect: s.page.printTitleRows } : null;
      },
      true,
    );
  }
}
const pageSpec = (fn: (s: SimSheet, v: unknown) => void) => (s: SimSheet, v: unknown) => {
  currentContext?.require('1.9', 'PageLayout');
  fn(s, v);
};
defineProps<SimSheet>(SimPageLayout, {
  orientation: {
    get: (s) => s.page.orientation ?? 'Portrait',
    set: pageSpec((s, v) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument(`"${String(v)}" is not an orientation.`);
      s.page.orientation = v;
    }),
  },
  paperSize: {
    get: (s) => s.page.paperSize ?? 'Letter',
    set: pageSpec((s, v) => {
      if (!PAPER.includes(String(v))) throw invalidArgument(`"${String(v)}" is not a paper size the simulator knows.`);
      s.page.paperSize = String(v);
    }),
  },
  zoom: {
    get: (s) => s.page.zoom ?? { scale: 100 },
    set: pageSpec((s, v) => {
      const zoom = v as SimSheet['page']['zoom'];
      if (!zoom || typeof zoom !== 'object') throw invalidArgument('zoom is an object.');
      const fit = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
      if (zoom.scale !== undefined && fit) throw invalidArgument('Use a scale or fit-to-pages, not both.');
      // Excel's print scale runs from 10% to 400% (PageLayoutZoomOptions.scale; the Page Setup dialog's "Adjust to").
      if (zoom.scale !== undefined && !(Number.isInteger(zoom.scale) && zoom.scale >= 10 && zoom.scale <= 400)) throw invalidArgument(`A print scale is a whole number from 10 to 400 (got ${zoom.scale}).`);
      if (fit && currentContext) {
        // office-js#1860: "horizontalFitToPages does not set if Page Layout tab is not selected" (scale does).
        currentContext.host.stats.flagged.push({ api: 'PageLayout.zoom (fit to pages)', reason: 'Excel may ignore fit-to-pages unless the Page Layout tab is open (office-js#1860): read it back.' });
        if (currentContext.host.behaviour?.fitToPages === 'ignored') return;
      }
      s.page.zoom = { ...zoom };
    }),
  },
});

export class SimHeaderFooterGroup extends SimClientObject<SimSheet> {
  get defaultForAllPages(): SimHeaderFooter {
    return new SimHeaderFooter(this.context, `${this._path}.defaultForAllPages`, () => this._target());
  }
}
export class SimHeaderFooter extends SimClientObject<SimSheet> {
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
}
const hf = (part: 'headers' | 'footers', side: 'left' | 'center' | 'right'): PropSpec<SimSheet> => ({
  get: (s) => s.page[part][side],
  set: pageSpec((s, v) => (s.page[part][side] = String(v))),
});
defineProps<SimSheet>(SimHeaderFooter, {
  leftFooter: hf('footers', 'left'),
  centerFooter: hf('footers', 'center'),
  rightFooter: hf('footers', 'right'),
  leftHeader: hf('headers', 'left'),
  centerHeader: hf('headers', 'center'),
  rightHeader: hf('headers', 'right'),
});
