/** Charts: a minimal model, enough to list, add and delete. */
import { defineProps, SimClientObject, SimCollection } from './context';
import { SimChart, SimSheet } from './state';
import { ctxOf, q } from './shared';
import { SimRange } from './range';

export class SimChartCollection extends SimCollection<SimSheet, SimChartProxy> {
  protected _itemsNow(sheet: SimSheet): SimChartProxy[] {
    return sheet.charts.map((chart) => {
      const proxy = new SimChartProxy(this.context, `${this._path}.getItem(${q(chart.name)})`, () => ({ sheet, chart }));
      proxy._pin({ sheet, chart });
      return proxy;
    });
  }
  add(type: string, sourceData: SimRange, seriesBy?: string): SimChartProxy {
    const proxy = new SimChartProxy(this.context, `${this._path}.add(${q(type)})`, () => null);
    this._call('add', [type, sourceData._path, seriesBy ?? 'Auto'], (sheet) => {
      const source = sourceData._target();
      const state = ctxOf(this).state;
      const chart: SimChart = { id: String(state.nextId++), name: `Chart ${sheet.charts.length + 1}`, chartType: type, source: source.rect, seriesBy: seriesBy ?? 'Auto' };
      sheet.charts.push(chart);
      proxy._pin({ sheet, chart });
    });
    return proxy;
  }
  getItem(name: string): SimChartProxy {
    return new SimChartProxy(this.context, `${this._path}.getItem(${q(name)})`, () => {
      const sheet = this._target();
      const chart = sheet.charts.find((c) => c.name === name);
      return chart ? { sheet, chart } : null;
    });
  }
  getItemOrNullObject(name: string): SimChartProxy {
    return new SimChartProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${q(name)})`,
      () => {
        const sheet = this._target();
        const chart = sheet.charts.find((c) => c.name === name);
        return chart ? { sheet, chart } : null;
      },
      true,
    );
  }
}
defineProps<SimSheet>(SimChartCollection, { count: { get: (s) => s.charts.length } });

export class SimChartTitle extends SimClientObject<{ sheet: SimSheet; chart: SimChart }> {
  declare text: string;
}
defineProps<{ sheet: SimSheet; chart: SimChart }>(SimChartTitle, {
  text: { get: (t) => t.chart.title ?? '', set: (t, v) => (t.chart.title = String(v)) },
});

export class SimChartProxy extends SimClientObject<{ sheet: SimSheet; chart: SimChart }> {
  declare readonly id: string;
  declare name: string;
  declare chartType: string;
  private _title?: SimChartTitle;
  get title(): SimChartTitle {
    return (this._title ??= new SimChartTitle(this.context, `${this._path}.title`, () => this._target()));
  }
  /** Places the chart over the cells from startCell to endCell, as Excel's Chart.setPosition does. */
  setPosition(startCell: string, endCell?: string): void {
    this._call('setPosition', [startCell, endCell ?? null], (t) => {
      t.chart.position = { from: startCell, to: endCell ?? startCell };
    });
  }
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}
defineProps<{ sheet: SimSheet; chart: SimChart }>(SimChartProxy, {
  id: { get: (t) => t.chart.id },
  name: { get: (t) => t.chart.name, set: (t, v) => (t.chart.name = String(v)) },
  chartType: { get: (t) => t.chart.chartType, set: (t, v) => (t.chart.chartType = String(v)) },
});
