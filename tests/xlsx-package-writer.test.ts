/**
 * The xlsx adapter writes the tool's sheets into the officer's own package: every part it does not own is carried
 * over byte for byte (pictures, print areas, the officer's formats), a re-run replaces exactly its own parts, and
 * the workbook-level bookkeeping (defined names, calculation chain, styles) stays right. Checked on real files:
 * read back with ExcelJS (an independent reader) and by unzipping.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from './helpers/run-cli';

const ROOT = path.resolve(__dirname, '..');
const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.xlsx'));
const TODAY = '2026-01-15';
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planassure-package-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function entries(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

async function run(input: string, out: string): Promise<void> {
  const result = await runCli(['run', input, '--out', out, '--today', TODAY]);
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
}

/** The parts that belong to the officer's sheets: each worksheet part and everything it points at. */
async function officerSheetParts(file: string, names: string[]): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const parts: string[] = [];
  for (const name of names) {
    const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    parts.push(path.posix.join('xl', target.replace(/^\/xl\//, '')));
  }
  return parts;
}

describe.each(SEEDS)('%s', (seed) => {
  const input = path.join(ROOT, 'seeds', seed);
  let once: string;
  let twice: string;

  beforeAll(async () => {
    once = path.join(tmp, `once-${seed}`);
    twice = path.join(tmp, `twice-${seed}`);
    await run(input, once);
    await run(once, twice);
  });

  test("the officer's sheets are carried over byte for byte", async () => {
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(input);
    // The seeds hold only the officer's sheets.
    const names = before.worksheets.map((w) => w.name);
    const source = await entries(input);
    const written = await entries(once);
    for (const part of await officerSheetParts(input, names)) {
      // The same part under the same name: sheets the officer owns keep their place in the package.
      expect([part, written.get(part)?.equals(source.get(part)!)]).toEqual([part, true]);
    }
    // Shared strings too (the officer's sheets point into them; the tool writes its text inline).
    if (source.has('xl/sharedStrings.xml')) expect(written.get('xl/sharedStrings.xml')!.equals(source.get('xl/sharedStrings.xml')!)).toBe(true);
  });

  test('a second run leaves the same sheets, the same values and no more styles than the first', async () => {
    const a = new ExcelJS.Workbook();
    const b = new ExcelJS.Workbook();
    await a.xlsx.readFile(once);
    await b.xlsx.readFile(twice);
    expect(b.worksheets.map((w) => [w.name, w.state])).toEqual(a.worksheets.map((w) => [w.name, w.state]));
    for (const ws of a.worksheets) {
      const values = (w: ExcelJS.Worksheet) => {
        const out: unknown[] = [];
        // The one thing a second run should change: the board summary now has a snapshot to compare with.
        const changes = (v: ExcelJS.CellValue) => (typeof v === 'string' && /^This is the first board pack|^No action has changed/.test(v) ? '(changes since the last board)' : v);
        w.eachRow((row, r) => row.eachCell((cell, c) => out.push([r, c, changes(cell.value), cell.numFmt ?? null, cell.font?.bold ?? null, cell.fill ?? null])));
        return out;
      };
      expect([ws.name, values(b.getWorksheet(ws.name)!)]).toEqual([ws.name, values(ws)]);
    }
    const styles = async (file: string) => (await entries(file)).get('xl/styles.xml')!.toString('utf8');
    const count = (xml: string, list: string) => Number(new RegExp(`<${list} count="(\\d+)"`).exec(xml)?.[1] ?? 0);
    const [first, second] = [await styles(once), await styles(twice)];
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) expect([list, count(second, list)]).toEqual([list, count(first, list)]);
    // One part per sheet: replaced, not piled up.
    expect([...(await entries(twice)).keys()].filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).length).toBe(b.worksheets.length);
  });
});

describe('workbook bookkeeping', () => {
  let input: string;
  let first: string;

  beforeAll(async () => {
    // An officer's workbook with a picture, a print area on a sheet after the tool's, and a calculation chain.
    const wb = new ExcelJS.Workbook();
    const plan = wb.addWorksheet('Action Plan');
    plan.addRows([
      ['Ref', 'Action', 'Lead', 'Timescale', 'Status'],
      ['1.1', 'Review the safeguarding arrangements', 'Head of Service', 'March 2026', 'On track'],
      ['1.2', 'Publish the carers strategy', 'Director', 'June 2026', 'Not started'],
    ]);
    const logo = wb.addImage({ buffer: fs.readFileSync(path.join(ROOT, 'assets', 'icon-32.png')) as unknown as ExcelJS.Buffer, extension: 'png' });
    plan.addImage(logo, 'G2:H4');
    input = path.join(tmp, 'officer.xlsx');
    await wb.xlsx.writeFile(input);
    first = path.join(tmp, 'officer-run1.xlsx');
    await run(input, first);
  });

  test("the officer's picture is still there, with its drawing", async () => {
    const out = await entries(first);
    const media = [...out.keys()].filter((p) => p.startsWith('xl/media/'));
    expect(media.length).toBe(1);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(first);
    expect(back.getWorksheet('Action Plan')!.getImages().length).toBe(1);
  });

  test('a print area on an officer sheet after the tool sheets still names its sheet after a re-run, and a stale calculation chain is dropped', async () => {
    // Move an officer sheet after the tool's sheets, give it a print area, and add a calculation chain, as Excel would.
    const zip = await JSZip.loadAsync(fs.readFileSync(first));
    let workbook = await zip.file('xl/workbook.xml')!.async('string');
    const officerSheet = /<sheet [^>]*name="Action Plan"[^>]*\/>/.exec(workbook)![0];
    workbook = workbook.replace(officerSheet, '').replace('</sheets>', `${officerSheet}</sheets>`);
    const last = (workbook.match(/<sheet /g) ?? []).length - 1;
    const name = `<definedName name="_xlnm.Print_Area" localSheetId="${last}">'Action Plan'!$A$1:$E$3</definedName>`;
    workbook = workbook.includes('<definedNames>') ? workbook.replace('<definedNames>', `<definedNames>${name}`) : workbook.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
    zip.file('xl/workbook.xml', workbook);
    zip.file('xl/calcChain.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>');
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
      '</Relationships>',
      '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    );
    zip.file('xl/_rels/workbook.xml.rels', rels);
    const moved = path.join(tmp, 'officer-moved.xlsx');
    fs.writeFileSync(moved, await zip.generateAsync({ type: 'nodebuffer' }));

    const again = path.join(tmp, 'officer-run2.xlsx');
    await run(moved, again);
    const out = await entries(again);
    expect(out.has('xl/calcChain.xml')).toBe(false);
    expect(out.get('xl/_rels/workbook.xml.rels')!.toString()).not.toMatch(/calcChain/);
    const xml = out.get('xl/workbook.xml')!.toString();
    const sheets = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const area = /<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">/.exec(xml);
    expect(sheets[Number(area![1])]).toBe('Action Plan');
    // Every print-titles name points at a sheet that has them in its own name.
    for (const m of xml.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">'([^']+)'!/g)) expect(sheets[Number(m[1])]).toBe(m[2]);
  });
});

describe('text the tool writes reads back exactly, and stays text', () => {
  const texts = [
    '  leading spaces',
    'trailing spaces  ',
    'two  spaces inside',
    'line one\nline two',
    'tab\there',
    '_x0041_ looks like an escape',
    'a control \u0001 character',
    '=SUM(A1:A3)',
    '+44 151 934 2000',
    '-on track',
    '@home',
    'Care & support <review> "quoted"',
    'Emoji 👍🏽 and right-to-left: مراجعة الخطة',
  ];

  test('through our reader and through ExcelJS', async () => {
    const input = path.join(tmp, 'texts-in.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'Officer notes';
    await wb.xlsx.writeFile(input);
    const { loadWorkbook, readWorkbook } = await import('../src/xlsx/read-workbook');
    const { applyWorkbookPlan, writeWorkbookAtomically } = await import('../src/xlsx/apply-plan');
    const { emptySheet, text } = await import('../src/engine/sheet-plan/types');
    const sheet = emptySheet('Texts');
    sheet.rows = texts.map((t) => [text(t)]);
    const workbook = await loadWorkbook(input);
    await applyWorkbookPlan(workbook, { sheets: [sheet] }, []);
    const out = path.join(tmp, 'texts-out.xlsx');
    await writeWorkbookAtomically(workbook, out);

    const ours = (await readWorkbook(out)).sheets.find((s) => s.name === 'Texts')!;
    expect(ours.cells.map((c) => [c.value, c.formula])).toEqual(texts.map((t) => [{ type: 'text', value: t }, undefined]));
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.readFile(out);
    // ExcelJS gives text written as a run (the escaped ones) as rich text: its words are what count.
    const words = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v);
    expect(texts.map((_, i) => words(theirs.getWorksheet('Texts')!.getCell(i + 1, 1).value))).toEqual(texts);
  });
});

describe('a table name the officer already uses as a defined name', () => {
  test('the Plan table takes the first free name, and the officer\'s name is kept as it was', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Action Plan').addRows([
      ['Ref', 'Action', 'Lead', 'Timescale', 'Status'],
      ['1.1', 'Review the safeguarding arrangements', 'Head of Service', 'March 2026', 'On track'],
      ['1.2', 'Publish the carers strategy', 'Director', 'June 2026', 'Not started'],
    ]);
    wb.definedNames.add("'Action Plan'!$A$2:$A$3", 'PlanAssurePlan');
    const input = path.join(tmp, 'named.xlsx');
    await wb.xlsx.writeFile(input);
    const out = path.join(tmp, 'named-run.xlsx');
    await run(input, out);
    const parts = await entries(out);
    const tableNames = [...parts].filter(([p]) => p.startsWith('xl/tables/')).map(([, xml]) => /<table [^>]*\bname="([^"]+)"/.exec(xml.toString())?.[1]);
    expect(tableNames).toEqual(['PlanAssurePlan2']);
    expect(parts.get('xl/workbook.xml')!.toString()).toMatch(/<definedName name="PlanAssurePlan">(&apos;|')Action Plan(&apos;|')!\$A\$2:\$A\$3<\/definedName>/);
  });
});

describe("a table name the officer already gives a table of their own", () => {
  test("the Plan table takes the next free name, the officer is told why, and their table is kept as it was", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Action Plan').addTable({
      name: 'PlanAssurePlan',
      ref: 'A1',
      headerRow: true,
      columns: ['Ref', 'Action', 'Lead', 'Timescale', 'Status'].map((name) => ({ name })),
      rows: [
        ['1.1', 'Review the safeguarding arrangements', 'Head of Service', 'March 2026', 'On track'],
        ['1.2', 'Publish the carers strategy', 'Director', 'June 2026', 'Not started'],
      ],
    });
    const input = path.join(tmp, 'officer-table.xlsx');
    await wb.xlsx.writeFile(input);
    const theirTable = [...(await entries(input))].filter(([p]) => p.startsWith('xl/tables/')).map(([, xml]) => xml.toString());
    expect(theirTable).toHaveLength(1);
    const out = path.join(tmp, 'officer-table-run.xlsx');
    const result = await runCli(['run', input, '--out', out, '--today', TODAY]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      'Your workbook already has a table called "PlanAssurePlan" on the sheet "Action Plan", and Excel will not let two tables share a name, so PlanAssure called its table "PlanAssurePlan2".',
    );
    const tables = [...(await entries(out))].filter(([p]) => p.startsWith('xl/tables/')).map(([, xml]) => xml.toString());
    expect(tables.map((xml) => /<table [^>]*\bname="([^"]+)"/.exec(xml)?.[1]).sort()).toEqual(['PlanAssurePlan', 'PlanAssurePlan2']);
    expect(tables).toContain(theirTable[0]);
  });
});
