/**
 * The Excel simulator itself: it must fail where Excel fails, or the adapter tests prove nothing.
 */
import { ExcelSimulator, PAYLOAD_LIMIT_BYTES, SimRequestContext } from '../src/excel-simulator';
import { sheet, workbook } from './helpers/model';

const run = <T>(sim: ExcelSimulator, fn: (context: SimRequestContext) => Promise<T>) => sim.run(fn);
const twoSheets = () => workbook(sheet('Action Plan', [['Ref', 'Action'], ['1.1', 'Do the thing']], { merges: ['A3:B3'] }), sheet('Notes', [['n']]));

describe('read before load and sync', () => {
  const NOT_AVAILABLE = /^The property 'values' is not available\. Before reading the property's value, call the load method on the containing object and call "context\.sync\(\)" on the associated request context\.$/;

  test('reading range.values before load throws as Office.js does', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await run(sim, async (context) => {
      const range = context.workbook.worksheets.getItem('Action Plan').getRange('A1:B2');
      expect(() => range.values).toThrow(NOT_AVAILABLE);
      try {
        void range.values;
      } catch (error) {
        expect((error as { code: string; name: string }).code).toBe('PropertyNotLoaded');
        expect((error as { name: string }).name).toBe('RichApi.Error');
      }
    });
  });

  test('loading without syncing is not enough; after sync the values are there', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await run(sim, async (context) => {
      const range = context.workbook.worksheets.getItem('Action Plan').getRange('A1:B2');
      range.load('values');
      expect(() => range.values).toThrow(NOT_AVAILABLE);
      await context.sync();
      expect(range.values).toEqual([
        ['Ref', 'Action'],
        ['1.1', 'Do the thing'],
      ]);
      // Only what was loaded: the number formats were not.
      expect(() => range.numberFormat).toThrow(/The property 'numberFormat' is not available/);
    });
  });

  test('collections: items only after load and sync', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await run(sim, async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/The property 'items' is not available/);
      sheets.load('items/name,items/visibility');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ['Action Plan', 'Visible'],
        ['Notes', 'Visible'],
      ]);
    });
  });

  test('ClientResult values (getCellProperties) only after sync', async () => {
    const sim = new ExcelSimulator({ model: workbook(sheet('S', [[{ v: 'Title', bold: true }, 'plain']])) });
    await run(sim, async (context) => {
      const props = context.workbook.worksheets.getItem('S').getRange('A1:B1').getCellProperties({ format: { font: { bold: true } } });
      expect(() => props.value).toThrow(/has not been loaded yet/);
      await context.sync();
      expect(props.value).toEqual([[{ format: { font: { bold: true } } }, { format: { font: { bold: false } } }]]);
    });
  });
});

describe('writes are queued until sync', () => {
  test('nothing changes in the workbook until context.sync()', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await run(sim, async (context) => {
      const ws = context.workbook.worksheets.add('Plan');
      ws.getRange('A1:B1').values = [['Ref', 'Action']];
      expect(sim.model().sheets.map((s) => s.name)).toEqual(['Action Plan', 'Notes']);
      await context.sync();
      expect(sim.model().sheets.map((s) => s.name)).toEqual(['Action Plan', 'Notes', 'Plan']);
      expect(sim.model().sheets[2].cells.map((c) => c.value.value)).toEqual(['Ref', 'Action']);
    });
  });

  test('a failing operation fails the sync; the operations before it stay applied (Excel does not roll back)', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.add('Plan');
        context.workbook.worksheets.add('action plan'); // names are case-insensitive: already taken
        context.workbook.worksheets.add('Never');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    expect(sim.model().sheets.map((s) => s.name)).toEqual(['Action Plan', 'Notes', 'Plan']);
  });

  test('a 2-D array must match the range, as Excel insists', async () => {
    const sim = new ExcelSimulator();
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['only one row', 'x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('a list dropdown cannot point at a sheet that does not exist yet, and deleting its sheet breaks it', async () => {
    const sim = new ExcelSimulator();
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A2:A5').dataValidation.rule = { list: { inCellDropDown: true, source: "='Lists'!$A$1:$A$3" } };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await run(sim, async (context) => {
      context.workbook.worksheets.add('Lists');
      context.workbook.worksheets.getItem('Sheet1').getRange('A2:A5').dataValidation.rule = { list: { inCellDropDown: true, source: "='Lists'!$A$1:$A$3" } };
      context.workbook.worksheets.getItem('Lists').delete();
      await context.sync();
    });
    expect(sim.details()[0].validations[0].source).toBe('#REF!$A$1:$A$3');
  });

  test('Excel.run sends what is still queued when the batch function returns', async () => {
    const sim = new ExcelSimulator();
    await run(sim, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
    });
    expect(sim.stats.syncs).toBe(1);
    expect(sim.model().sheets[0].cells).toHaveLength(1);
  });
});

describe('sync counting and payload limits', () => {
  test('counts syncs and measures each request', async () => {
    const sim = new ExcelSimulator();
    await run(sim, async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').values = [['hello'], ['world']];
      await context.sync();
    });
    expect(sim.stats.syncs).toBe(2);
    expect(sim.stats.requests[0].payloadBytes).toBeLessThan(10);
    expect(sim.stats.requests[1].payloadBytes).toBeGreaterThan('hello'.length + 'world'.length);
  });

  test('measures a request as Office.js serialises it: the JSON of its Actions and ObjectPaths', async () => {
    const sim = new ExcelSimulator();
    const context = sim.newContext();
    const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A2');
    range.values = [['hello'], ['world']];
    range.load('address');
    const message = context.pendingRequestMessage();
    // OfficeExtension.ClientRequest.buildRequestMessageBody: each object path once, with its parent's Id…
    expect(Object.values(message.ObjectPaths)).toEqual([
      { Id: 1, ObjectPathType: 1, Name: '' },
      { Id: 3, ObjectPathType: 4, Name: 'Worksheets', ParentObjectPathId: 1 },
      { Id: 5, ObjectPathType: 5, Name: '', ParentObjectPathId: 3, ArgumentInfo: { Arguments: ['Sheet1'] } },
      { Id: 7, ObjectPathType: 3, Name: 'GetRange', ParentObjectPathId: 5, ArgumentInfo: { Arguments: ['A1:A2'] } },
    ]);
    // …and the actions: an Instantiate per object path, then the SetProperty and the Query, in order.
    expect(message.Actions.map((a) => [a.ActionType, a.Name, a.ObjectPathId])).toEqual([
      [1, '', 1],
      [1, '', 3],
      [1, '', 5],
      [1, '', 7],
      [4, 'Values', 7],
      [2, '', 7],
    ]);
    expect(message.Actions[5]).toMatchObject({ QueryInfo: { Select: ['address'] } });
    await context.sync();
    expect(sim.stats.requests[0].payloadBytes).toBe(JSON.stringify(message).length);
  });

  test(`rejects a request over ${PAYLOAD_LIMIT_BYTES.toLocaleString()} bytes with RequestPayloadSizeLimitExceeded, applying nothing`, async () => {
    const sim = new ExcelSimulator();
    const big = Array.from({ length: 6000 }, (_, i) => [`${'x'.repeat(1000)}${i}`]);
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.add('First');
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:A6000').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(sim.stats.requests[0].rejected).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.model().sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(sim.model().sheets[0].cells).toEqual([]);
  });

  test('Excel on the web also refuses a response over the limit; Excel on the desktop does not', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => sheet('x', [[`${'y'.repeat(1000)}${i}`]]).cells[0]);
    const model = { sheets: [{ name: 'Big', cells: rows.map((c, i) => ({ ...c, row: i + 1 })), merges: [] }] };
    const read = (sim: ExcelSimulator) =>
      run(sim, async (context) => {
        const range = context.workbook.worksheets.getItem('Big').getRange('A1:A6000').load('values');
        await context.sync();
        return range.values.length;
      });
    await expect(read(new ExcelSimulator({ model, platform: 'web' }))).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await expect(read(new ExcelSimulator({ model, platform: 'desktop' }))).resolves.toBe(6000);
  });

  test('loading a whole-sheet range fails fast instead of materialising 17 billion cells', async () => {
    const sim = new ExcelSimulator();
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange().load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });

  test('suspending calculation and screen updating is recorded', async () => {
    const sim = new ExcelSimulator();
    await run(sim, async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
    });
    expect([sim.stats.calculationSuspensions, sim.stats.screenUpdatingSuspensions]).toEqual([1, 1]);
  });
});

describe('walking the sheets: getFirst, getNextOrNullObject and null objects (ExcelApi 1.5)', () => {
  const fourSheets = () =>
    workbook(sheet('Cover', [['c']]), { ...sheet('Lists', [['l']]), visibility: 'hidden' as const }, sheet('Action Plan', [['Ref', 'Action'], ['1.1', 'Do it']], { merges: ['A3:B3'] }), sheet('Notes', [['n']]));

  test('a chain queued past the last sheet reads in one sync: sheets in tab order (hidden ones too), then null objects', async () => {
    const sim = new ExcelSimulator({ model: fourSheets() });
    await run(sim, async (context) => {
      const chain = [context.workbook.worksheets.getFirst()];
      for (let i = 1; i < 6; i++) chain.push(chain[i - 1].getNextOrNullObject());
      for (const ws of chain) ws.load('name,visibility');
      await context.sync();
      expect(chain.map((ws) => (ws.isNullObject ? null : ws.name))).toEqual(['Cover', 'Lists', 'Action Plan', 'Notes', null, null]);
      expect(chain[1].visibility).toBe('Hidden');
    });
    expect(sim.stats.syncs).toBe(1);
  });

  test('visibleOnly skips hidden sheets; getLast and getPreviousOrNullObject walk back', async () => {
    const sim = new ExcelSimulator({ model: fourSheets() });
    await run(sim, async (context) => {
      const first = context.workbook.worksheets.getFirst(true);
      const next = first.getNextOrNullObject(true).load('name');
      const last = context.workbook.worksheets.getLast().load('name');
      const before = last.getPreviousOrNullObject().load('name');
      const none = first.getPreviousOrNullObject().load('name');
      await context.sync();
      expect([next.name, last.name, before.name, none.isNullObject]).toEqual(['Action Plan', 'Notes', 'Action Plan', true]);
    });
  });

  test('calls on a null object give null objects, loading them is allowed, and isNullObject tells', async () => {
    const sim = new ExcelSimulator({ model: fourSheets() });
    await run(sim, async (context) => {
      const past = context.workbook.worksheets.getLast().getNextOrNullObject();
      const beyond = past.getNextOrNullObject().load('name');
      const used = past.getUsedRange(true).load('rowCount,address');
      const window = past.getRange('A1').getBoundingRect(used).getIntersection(past.getRange('A1:GR100')).load('values,numberFormat');
      const bold = window.getCellProperties({ format: { font: { bold: true } } });
      const merges = past.getRange('A1:GR500').getMergedAreasOrNullObject().load('address');
      const tables = past.tables.load('items/name');
      past.load('name,visibility');
      await context.sync();
      for (const proxy of [past, beyond, used, window, merges, tables]) expect(proxy.isNullObject).toBe(true);
      // A null object's properties read as undefined (Office.js skips the "not loaded" check on null objects).
      expect([past.name, used.rowCount, window.values]).toEqual([undefined, undefined, undefined]);
      expect(bold.value).toBeNull();
      expect(tables.items).toEqual([]);
    });
    expect(sim.stats.requests[0].rejected).toBeUndefined();
  });

  test('isNullObject of an *OrNullObject proxy is loaded by the sync even when nothing was loaded on it', async () => {
    const sim = new ExcelSimulator({ model: fourSheets() });
    await run(sim, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const next = context.workbook.worksheets.getFirst().getNextOrNullObject();
      expect(() => next.isNullObject).toThrow(/isNullObject' is not available/);
      await context.sync();
      expect([missing.isNullObject, next.isNullObject]).toEqual([true, false]);
    });
  });

  test('changing the workbook through a null object fails the request with ItemNotFound; getNext past the end fails too', async () => {
    const sim = new ExcelSimulator({ model: fourSheets() });
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getLast().getNextOrNullObject().getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getLast().getNext().load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(sim.model().sheets.map((s) => s.cells.length)).toEqual([1, 1, 4, 1]);
  });

  test('getFirst and getNextOrNullObject need ExcelApi 1.5', async () => {
    const sim = new ExcelSimulator({ model: fourSheets(), excelApi: '1.4' });
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getFirst().load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('a request sends each object path once, as Office.js does: a chain of links costs bytes in proportion to its length', async () => {
    const measure = async (links: number) => {
      const sim = new ExcelSimulator({ model: fourSheets() });
      await run(sim, async (context) => {
        let ws = context.workbook.worksheets.getFirst();
        for (let i = 0; i < links; i++) {
          ws.load('name');
          for (let band = 0; band < 10; band++) ws.getRange(`A${band * 500 + 1}:GR${band * 500 + 500}`).getMergedAreasOrNullObject().load('address');
          ws = ws.getNextOrNullObject();
        }
        await context.sync();
      });
      return sim.stats.requests[0].payloadBytes;
    };
    const [short, long] = [await measure(32), await measure(64)];
    // Linear, not quadratic: twice the links, about twice the bytes (not four times).
    expect(long / short).toBeGreaterThan(1.9);
    expect(long / short).toBeLessThan(2.2);
  });
});

describe('collections, null objects, requirement sets, selection', () => {
  test('getItem fails at sync for a missing sheet; getItemOrNullObject gives isNullObject', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await run(sim, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const there = context.workbook.worksheets.getItemOrNullObject('Notes');
      expect(() => missing.isNullObject).toThrow(/isNullObject' is not available/);
      missing.load('name');
      there.load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe('Notes');
    });
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('tables, conditional formats and charts: add, items after load, getItem, delete', async () => {
    const sim = new ExcelSimulator({ model: workbook(sheet('Plan', [['Ref', 'RAG', 'Score'], ['1', 'Red', 3], ['2', 'Green', 5]])) });
    await run(sim, async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      const table = ws.tables.add('A1:C3', true);
      table.name = 'PlanTable';
      const cf = ws.getRange('B2:B3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=$B2="Red"';
      cf.custom.format.fill.color = '#CA3535';
      const chart = ws.charts.add('ColumnClustered', ws.getRange('A1:C3'));
      ws.tables.load('items/name');
      ws.getRange('B2:B3').conditionalFormats.load('items/type');
      ws.charts.load('items/name');
      await context.sync();
      expect(ws.tables.items.map((t) => t.name)).toEqual(['PlanTable']);
      expect(ws.getRange('B2:B3').conditionalFormats).toBeDefined();
      expect(ws.charts.items.map((c) => c.name)).toEqual(['Chart 1']);
      table.delete();
      chart.delete();
      const again = ws.tables.getItemOrNullObject('PlanTable');
      again.load('name');
      await context.sync();
      expect(again.isNullObject).toBe(true);
    });
    expect(sim.details()[0].conditionalFormats).toEqual([{ range: 'B2:B3', rules: [{ type: 'expression', formula: '$B2="Red"', fill: 'CA3535', fontColor: undefined, bold: false }] }]);
  });

  // office-js#551: Excel refuses a taken table name, on any sheet, with a vague InvalidArgument.
  const VAGUE = /^The argument is invalid or missing or has an incorrect format\./;

  test('a table name must be unique in the workbook, across sheets: Excel says only that the argument is invalid', async () => {
    const sim = new ExcelSimulator({ model: workbook(sheet('A', [['h'], ['1']]), sheet('B', [['h'], ['1']])) });
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('A').tables.add('A1:A2', true).name = 'PlanAssurePlan';
        context.workbook.worksheets.getItem('B').tables.add('A1:A2', true).name = 'planassureplan';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(VAGUE) });
  });

  test('a table name is checked against the defined names too, and a defined name against the tables', async () => {
    const sim = new ExcelSimulator({ model: workbook(sheet('A', [['h'], ['1'], [''], ['h'], ['2']])) });
    await run(sim, async (context) => {
      context.workbook.names.add('Targets', '=A!$A$1');
      await context.sync();
    });
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('A').tables.add('A1:A2', true).name = 'TARGETS';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(VAGUE) });
    // Excel's own default name skips what is taken: the table above was added (Excel does not roll back) as Table1.
    expect(sim.state.tables.map((t) => t.name)).toEqual(['Table1']);
    await expect(
      run(sim, async (context) => {
        context.workbook.names.add('table1', '=A!$A$4');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  test.each(['R1C1', 'RC', 'c', 'AB12', '1Plan', 'Plan Actions', ''])('%p is not a table name Excel accepts', async (name) => {
    const sim = new ExcelSimulator({ model: workbook(sheet('A', [['h'], ['1']])) });
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('A').tables.add('A1:A2', true).name = name;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('an API newer than the configured Excel fails with ApiNotFound', async () => {
    const sim = new ExcelSimulator({ excelApi: '1.8' });
    expect(sim.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(sim.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await expect(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('selection: range.select() and workbook.getSelectedRange()', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await run(sim, async (context) => {
      context.workbook.worksheets.getItem('Notes').getRange('B2:C4').select();
      const selected = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(selected.address).toBe('Notes!B2:C4');
    });
  });

  test('the used range (values only) and merged areas read as Excel reports them', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await run(sim, async (context) => {
      const ws = context.workbook.worksheets.getItem('Action Plan');
      const used = ws.getUsedRange(true).load('address');
      const merged = ws.getRange('A1:Z100').getMergedAreasOrNullObject().load('address');
      const none = ws.getRange('A1:B2').getMergedAreasOrNullObject().load('address');
      await context.sync();
      expect(used.address).toBe("'Action Plan'!A1:B2");
      expect(merged.address).toBe("'Action Plan'!A3:B3");
      expect(none.isNullObject).toBe(true);
    });
  });

  test('the settings collection keeps values across runs', async () => {
    const sim = new ExcelSimulator();
    await run(sim, async (context) => {
      context.workbook.settings.add('planStart', '2025-04-01');
      await context.sync();
    });
    await run(sim, async (context) => {
      const setting = context.workbook.settings.getItem('planStart').load('value');
      await context.sync();
      expect(setting.value).toBe('2025-04-01');
    });
  });
});

describe('as strict as Excel where the adapter relies on it (docs/SIMULATOR.md)', () => {
  const write = (sim: ExcelSimulator, fn: (context: SimRequestContext) => void) =>
    run(sim, async (context) => {
      fn(context);
      await context.sync();
    });
  const plan = (context: SimRequestContext) => context.workbook.worksheets.getItem('Action Plan');

  test('number formats: "" resets to General, as Office documents; more than four sections or an open quote is refused', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await write(sim, (context) => (plan(context).getRange('A1:C1').numberFormat = [['0.0%', '', '[Red]0;[Blue]-0;0;@']]));
    await write(sim, (context) => (plan(context).getRange('A1').numberFormat = [['']]));
    expect(sim.state.sheets[0].cells.get(0)?.get(0)?.numberFormat).toBeUndefined();
    expect(sim.state.sheets[0].cells.get(0)?.get(2)?.numberFormat).toBe('[Red]0;[Blue]-0;0;@');
    for (const bad of ['0;0;0;@;0', '"open', '[Red0']) {
      await expect(write(sim, (context) => (plan(context).getRange('A1').numberFormat = [[bad]]))).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    // A semicolon inside quotes is text, not a section.
    await write(sim, (context) => (plan(context).getRange('A1').numberFormat = [['0;0;0;"a;b;c"@']]));
  });

  test('custom conditional formats: the formula starts with "=", parses, and names only sheets that exist', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    const custom = (formula: string) => (context: SimRequestContext) => (plan(context).getRange('B2:B3').conditionalFormats.add('Custom').custom.rule.formula = formula);
    await write(sim, custom(`=COUNTIF('Notes'!$A:$A,$B2)>0`));
    await write(sim, custom('=AND($B2="Red (late)",Notes!$A$1<>"")'));
    for (const bad of ['$B2="Red"', '=AND($B2="Red"', '=$B2="Red', `=COUNTIF('Lists'!$A:$A,$B2)>0`, '=Missing!$A$1=1']) {
      await expect(write(sim, custom(bad))).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    // A sheet name inside a string is text, not a reference.
    await write(sim, custom(`=$B2="Lists!A1"`));
  });

  test('cell-value conditional formats: an operator Excel knows, one operand (two for Between), each a formula, a number or quoted text', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    const cellValue = (rule: object) => (context: SimRequestContext) => {
      const cf = plan(context).getRange('B2:B3').conditionalFormats.add('CellValue');
      cf.cellValue.rule = rule as { formula1: string; operator: string };
      cf.cellValue.format.fill.color = '#CA3535';
    };
    await write(sim, cellValue({ formula1: '=0', operator: 'LessThan' }));
    await write(sim, cellValue({ formula1: '"Red"', operator: 'EqualTo' }));
    await write(sim, cellValue({ formula1: '1', formula2: "='Notes'!$A$1", operator: 'Between' }));
    expect(sim.details()[0].conditionalFormats[0].rules.map((r) => [r.type, r.operator, r.formulae])).toEqual([
      ['cellIs', 'Between', ['1', "='Notes'!$A$1"]],
      ['cellIs', 'EqualTo', ['"Red"']],
      ['cellIs', 'LessThan', ['=0']],
    ]);
    for (const bad of [{ formula1: 'Red', operator: 'EqualTo' }, { formula1: '1', operator: 'Between' }, { formula1: '1', operator: 'Above' }, { formula1: '=Nowhere!A1', operator: 'EqualTo' }]) {
      await expect(write(sim, cellValue(bad))).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  test('fit-to-pages is flagged as a call Excel may ignore (office-js#1860); with fitToPages "ignored" it is, and a scale is kept', async () => {
    const sim = new ExcelSimulator({ model: twoSheets(), fitToPages: 'ignored' });
    await write(sim, (context) => (plan(context).pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }));
    expect(sim.stats.flagged).toEqual([{ api: 'PageLayout.zoom (fit to pages)', reason: expect.stringContaining('office-js#1860') }]);
    expect(sim.state.sheets[0].page.zoom).toBeUndefined();
    await write(sim, (context) => (plan(context).pageLayout.zoom = { scale: 80 }));
    expect(sim.state.sheets[0].page.zoom).toEqual({ scale: 80 });
    await expect(write(sim, (context) => (plan(context).pageLayout.zoom = { scale: 5 }))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('special cells: the cells holding formulas (ExcelApi 1.9), as a RangeAreas', () => {
  const withFormulas = async () => {
    const sim = new ExcelSimulator({ model: workbook(sheet('Sums', [['a', 1, 2], ['b', 3, 4], ['c', 5, 6], ['d', 7, 8]])) });
    await run(sim, async (context) => {
      const ws = context.workbook.worksheets.getItem('Sums');
      ws.getRange('D1:D2').formulas = [['=B1+C1'], ['=B2+C2']];
      ws.getRange('B4:C4').formulas = [['=SUM(B1:B3)', '=SUM(C1:C3)']];
      await context.sync();
    });
    return sim;
  };

  test('gives the formula cells as rectangles, each loaded with its formulas and position, through one load', async () => {
    const sim = await withFormulas();
    await run(sim, async (context) => {
      const areas = context.workbook.worksheets.getItem('Sums').getRange('A1:D4').getSpecialCellsOrNullObject('Formulas');
      areas.load('address,areas/items/rowIndex,areas/items/columnIndex,areas/items/formulas');
      await context.sync();
      expect(areas.address).toBe('Sums!D1:D2, Sums!B4:C4');
      expect(areas.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.formulas])).toEqual([
        [0, 3, [['=B1+C1'], ['=B2+C2']]],
        [3, 1, [['=SUM(B1:B3)', '=SUM(C1:C3)']]],
      ]);
    });
  });

  test('with no formula cells: a null object, or ItemNotFound from getSpecialCells, as documented', async () => {
    const sim = new ExcelSimulator({ model: twoSheets() });
    await run(sim, async (context) => {
      const range = context.workbook.worksheets.getItem('Action Plan').getRange('A1:B2');
      const none = range.getSpecialCellsOrNullObject('Formulas');
      none.load('areas/items/formulas');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      range.getSpecialCells('Formulas').load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('refuses the cell types it does not model, rather than pretend', async () => {
    const sim = await withFormulas();
    await run(sim, async (context) => {
      context.workbook.worksheets.getItem('Sums').getRange('A1:D4').getSpecialCells('Blanks').load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  test('needs ExcelApi 1.9', async () => {
    const sim = new ExcelSimulator({ model: twoSheets(), excelApi: '1.8' });
    await run(sim, async (context) => {
      context.workbook.worksheets.getItem('Action Plan').getRange('A1:B2').getSpecialCellsOrNullObject('Formulas').load('address');
      await expect(context.sync()).rejects.toBeDefined();
    });
  });
});
