/**
 * Applies a declarative workbook plan to a workbook file's package, and writes files atomically. Only the sheets
 * the tool owns are removed or added, as whole parts; every other part of the file is carried over byte for byte.
 */
import { isToolRagRule } from '../engine/rag/rag-formats';
import { OWNED_LIST_HEADER } from '../engine/sheet-plan/plan-sheet';
import { PendingWorkbookPlan, pendingSheets, RowSource, rowsOf, SheetPlan, streamedPlan, WorkbookPlan } from '../engine/sheet-plan/types';
import { claimTableName, TableNameHolder } from '../engine/sheet-plan/table-name';
import { EXCEL_MAX_CELL_TEXT, fitCellText } from './package/cell-text';
import { CHART_REL_TYPES, putCharts } from './package/chart-xml';
import { knownFingerprint, unchangedSince } from './package/fingerprint';
import { noteParts, sheetXml } from './package/sheet-xml';
import { StyleSheet } from './package/style-sheet';
import { CONTENT_TYPES, PackageSheet, REL_TYPES, Relationship, relationshipsXml, relsPathOf, WorkbookPackage } from './package/workbook-package';
import { escapeXml, tags, unescapeXml } from './package/xml';
import { XlsxWorkbook } from './read-workbook';

export { EXCEL_MAX_CELL_TEXT, fitCellText };

/** What the officer is told about a write that went ahead: a table given another name than planned. */
export interface ApplyOutcome {
  notices: string[];
}

/** A sheet the officer owns has a name the tool needs (only the hidden "PlanAssure Lists" can clash today). */
export class SheetNameClashError extends Error {
  constructor(readonly sheet: string) {
    super(`already has a sheet named "${sheet}", a name PlanAssure keeps for its own hidden sheet. Rename that sheet (right-click its tab > Rename), then retry.`);
    this.name = 'SheetNameClashError';
  }
}

/** A sheet the tool wrote on an earlier run has been changed by hand since: replacing it would lose those changes. */
export class EditedToolSheetError extends Error {
  constructor(readonly sheet: string) {
    super(
      `the sheet "${sheet}" was written by PlanAssure and has been changed by hand since, so a new run would lose those changes. ` +
        `Copy what you typed into a sheet of your own (or undo it), or delete "${sheet}" to let PlanAssure write it afresh, then retry.`,
    );
    this.name = 'EditedToolSheetError';
  }
}

/** A sheet the tool wrote carries a fingerprint of a later version than this one can check. */
export class NewerToolSheetError extends Error {
  constructor(readonly sheet: string) {
    super(
      `the sheet "${sheet}" was written by a newer version of PlanAssure, so this version cannot tell whether it has been changed by hand since. ` +
        `Run the newer version of PlanAssure on it, or delete "${sheet}" to let this version write it afresh, then retry.`,
    );
    this.name = 'NewerToolSheetError';
  }
}

const FINGERPRINT_NOTE = 'PlanAssure: a fingerprint of each sheet it wrote, to tell whether one was changed by hand before replacing it.';

const lower = (name: string) => name.toLowerCase();

/** The fingerprints kept in the note on the ownership list's header, on the tool's hidden lists sheet. */
async function recordedFingerprints(pkg: WorkbookPackage, sheet: PackageSheet): Promise<Record<string, string>> {
  if (!sheet.part) return {};
  const comments = (await pkg.relationships(sheet.part)).find((r) => r.type === REL_TYPES.comments && !r.external);
  const xml = comments ? await pkg.text(comments.target) : null;
  if (!xml) return {};
  for (const comment of xml.match(/<comment\b[\s\S]*?<\/comment>/g) ?? []) {
    const text = (comment.match(/<t(?:\s[^>]*)?>[\s\S]*?<\/t>/g) ?? []).map((t) => unescapeXml(t.replace(/^<t[^>]*>|<\/t>$/g, ''))).join('');
    if (!text.startsWith(FINGERPRINT_NOTE)) continue;
    try {
      const parsed = JSON.parse(text.slice(text.indexOf('{'))) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }
  return {};
}

/**
 * Conditional formats an officer added to a sheet the tool owns: everything except the tool's own RAG rules and
 * data bars, as raw XML blocks. They are carried over when the sheet is rewritten, so a re-run never removes them.
 * Their formats (dxfId) point into the officer's styles, which are kept as they are.
 */
function officerRules(blocks: readonly string[], plan: SheetPlan | undefined): string[] {
  const toolBars = new Set(plan?.dataBars.map((b) => b.range) ?? []);
  const kept: string[] = [];
  for (const block of blocks) {
    const sqref = tags(block, 'conditionalFormatting')[0]?.attrs.sqref ?? '';
    const rules = (block.match(/<cfRule\b[^>]*?\/>|<cfRule\b[\s\S]*?<\/cfRule>/g) ?? []).filter((rule) => {
      const type = tags(rule, 'cfRule')[0]?.attrs.type;
      const formula = unescapeXml(/<formula>([\s\S]*?)<\/formula>/.exec(rule)?.[1] ?? '');
      if (type === 'expression' && isToolRagRule(formula)) return false;
      if (type === 'dataBar' && toolBars.has(sqref)) return false;
      return true;
    });
    if (rules.length) kept.push(`${block.slice(0, block.indexOf('>') + 1)}${rules.join('')}</conditionalFormatting>`);
  }
  return kept;
}

/** Every part reachable from a part through its relationships, itself included. */
async function partsUnder(pkg: WorkbookPackage, part: string, into = new Set<string>()): Promise<Set<string>> {
  if (into.has(part) || !pkg.has(part)) return into;
  into.add(part);
  for (const rel of await pkg.relationships(part)) if (!rel.external) await partsUnder(pkg, rel.target, into);
  return into;
}

/** Removes a sheet and the parts only it uses (tables, notes, drawings); the workbook's indexes are kept right. */
async function removeSheet(pkg: WorkbookPackage, sheet: PackageSheet): Promise<void> {
  const index = pkg.sheets().findIndex((s) => s.relId === sheet.relId);
  const tag = tags(pkg.workbookXml, 'sheet')[index];
  let xml = pkg.workbookXml.slice(0, tag.index) + pkg.workbookXml.slice(tag.index + tag.tag.length);
  // Names local to a sheet are numbered by sheet position: drop this sheet's, renumber those after it.
  xml = xml.replace(/<definedName\b([^>]*?)(\/>|>[\s\S]*?<\/definedName>)/g, (whole, attrs: string) => {
    const local = /localSheetId="(\d+)"/.exec(attrs);
    if (!local) return whole;
    const at = Number(local[1]);
    if (at === index) return '';
    return at > index ? whole.replace(`localSheetId="${at}"`, `localSheetId="${at - 1}"`) : whole;
  });
  xml = xml.replace(/<definedNames>\s*<\/definedNames>/, '');
  // The selected and first-shown tabs are positions too.
  const shift = (n: number) => (n > index ? n - 1 : n === index ? 0 : n);
  xml = xml.replace(/<workbookView\b[^>]*>/g, (view) => view.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (_m, attr: string, n: string) => `${attr}="${shift(Number(n))}"`));
  pkg.workbookXml = xml;
  pkg.workbookRels = pkg.workbookRels.filter((r) => r.id !== sheet.relId);
  if (!sheet.part) return;
  const candidates = await partsUnder(pkg, sheet.part);
  // A part another remaining part still points at (a picture used twice) stays.
  const stillUsed = new Set<string>(pkg.workbookRels.filter((r) => !r.external).map((r) => r.target));
  for (const relsFile of Object.keys(pkg.zip.files).filter((f) => f.endsWith('.rels'))) {
    const owner = relsFile.replace(/_rels\/([^/]+)\.rels$/, '$1');
    if (candidates.has(owner) || relsFile === relsPathOf(pkg.workbookPart)) continue;
    for (const rel of await pkg.relationships(owner)) if (!rel.external) stillUsed.add(rel.target);
  }
  for (const part of candidates) {
    if (part !== sheet.part && stillUsed.has(part)) continue;
    pkg.remove(part);
    pkg.remove(relsPathOf(part));
  }
}

/** Excel rebuilds its calculation chain; a stale one naming removed sheets makes it "repair" the file. */
function dropCalcChain(pkg: WorkbookPackage): void {
  const part = pkg.partOfType(REL_TYPES.calcChain);
  if (!part) return;
  pkg.remove(part);
  pkg.workbookRels = pkg.workbookRels.filter((r) => r.type !== REL_TYPES.calcChain);
}

/** Inserts an element into workbook.xml before the first of the later elements present (CT_Workbook's order). */
function insertIntoWorkbook(xml: string, element: string, before: string[]): string {
  for (const name of before) {
    const at = new RegExp(`<${name}(?=[\\s/>])`).exec(xml);
    if (at) return xml.slice(0, at.index) + element + xml.slice(at.index);
  }
  const end = xml.lastIndexOf('</workbook>');
  return xml.slice(0, end) + element + xml.slice(end);
}

const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

function addDefinedName(pkg: WorkbookPackage, name: string, localSheetId: number, value: string): void {
  const item = `<definedName name="${name}" localSheetId="${localSheetId}">${escapeXml(value)}</definedName>`;
  if (/<definedNames>/.test(pkg.workbookXml)) pkg.workbookXml = pkg.workbookXml.replace('</definedNames>', `${item}</definedNames>`);
  else pkg.workbookXml = insertIntoWorkbook(pkg.workbookXml, `<definedNames>${item}</definedNames>`, AFTER_DEFINED_NAMES);
}

/**
 * The formulas the tool writes carry the engine's results, for readers that do not calculate. Where the engine left
 * one without (a case apps could read differently: calc-results.ts), the spreadsheet app is asked to calculate on
 * opening, so that no formula shows nothing; with every result stored, nothing is left to calculate.
 */
function calculateOnLoad(pkg: WorkbookPackage): void {
  if (/<calcPr\b[^>]*fullCalcOnLoad=/.test(pkg.workbookXml)) return;
  if (/<calcPr\b/.test(pkg.workbookXml)) pkg.workbookXml = pkg.workbookXml.replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"');
  else pkg.workbookXml = insertIntoWorkbook(pkg.workbookXml, '<calcPr fullCalcOnLoad="1"/>', AFTER_DEFINED_NAMES.slice(1));
}

/** Names (with what holds each) and ids of the tables left in the workbook: both must be unique workbook-wide. */
async function tablesInUse(pkg: WorkbookPackage): Promise<{ names: Map<string, TableNameHolder>; maxId: number }> {
  // A table may not take a defined name either: tables and names share one namespace (office-js#551; Excel repairs
  // a file where they clash). Excel's own names (_xlnm.Print_Titles…) are sheet-scoped built-ins, not taken.
  const names = new Map<string, TableNameHolder>(
    tags(pkg.workbookXml, 'definedName')
      .map((t) => unescapeXml(t.attrs.name ?? ''))
      .filter((n) => n && !n.toLowerCase().startsWith('_xlnm.'))
      .map((n): [string, TableNameHolder] => [lower(n), { kind: 'name' }]),
  );
  let maxId = 0;
  for (const sheet of pkg.sheets()) {
    if (!sheet.part) continue;
    for (const rel of await pkg.relationships(sheet.part)) {
      if (rel.type !== REL_TYPES.table || rel.external) continue;
      const attrs = tags((await pkg.text(rel.target)) ?? '', 'table')[0]?.attrs ?? {};
      if (attrs.name) names.set(lower(unescapeXml(attrs.name)), { kind: 'table', sheet: sheet.name });
      if (attrs.displayName) names.set(lower(unescapeXml(attrs.displayName)), { kind: 'table', sheet: sheet.name });
      maxId = Math.max(maxId, Number(attrs.id) || 0);
    }
  }
  return { names, maxId };
}

function nextRelId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

/** Where the lists sheet's ownership header is (its note carries the fingerprints); null on any other sheet. */
function ownershipHeader(rows: RowSource): { row: number; col: number } | null {
  const col = (rows.count ? rows.at(0) : []).findIndex((v) => v?.kind === 'text' && v.text === OWNED_LIST_HEADER);
  return col < 0 ? null : { row: 1, col: col + 1 };
}

/**
 * Replaces the sheets the tool owns with those in the plan; the officer's sheets are not touched. A tool sheet
 * the officer has changed by hand since the last run (its fingerprint no longer matches) is not replaced: the
 * run stops with an EditedToolSheetError, before anything is written (or a NewerToolSheetError, when a newer
 * version of the tool wrote the sheet and its fingerprint cannot be checked here). Each sheet written gets a fingerprint on
 * the ownership list, so the next run can tell.
 */
export function applyWorkbookPlan(workbook: XlsxWorkbook, plan: WorkbookPlan, owned: readonly string[]): Promise<ApplyOutcome> {
  return applyPendingPlan(workbook, pendingSheets(plan), owned);
}

/**
 * As applyWorkbookPlan, building each sheet of the plan only as it is written and dropping it after, so a big
 * pack's sheet plans are never all in memory at once.
 */
export async function applyPendingPlan(workbook: XlsxWorkbook, plan: PendingWorkbookPlan, owned: readonly string[]): Promise<ApplyOutcome> {
  const notices: string[] = [];
  const { pkg } = workbook;
  const sheets = pkg.sheets();
  const find = (name: string) => sheets.find((s) => lower(s.name) === lower(name));
  const ownedLower = new Set(owned.map(lower));
  const replace = new Set([...owned, ...plan.sheets.map((s) => s.name)].filter((n) => ownedLower.has(lower(n)) || !find(n)).map(lower));

  const recorded = new Map<string, string>();
  for (const name of owned) {
    const sheet = find(name);
    for (const [key, print] of Object.entries(sheet ? await recordedFingerprints(pkg, sheet) : {})) if (typeof print === 'string') recorded.set(key, print);
  }
  for (const name of replace) {
    const sheet = find(name);
    const print = sheet && recorded.get(sheet.name);
    const model = sheet && workbook.model.sheets.find((s) => s.name === sheet.name);
    if (sheet && print && !knownFingerprint(print)) throw new NewerToolSheetError(sheet.name);
    if (sheet && print && model && !unchangedSince(model, print)) throw new EditedToolSheetError(sheet.name);
  }
  for (const sheetPlan of plan.sheets) {
    const sheet = find(sheetPlan.name);
    if (sheet && !replace.has(lower(sheet.name))) throw new SheetNameClashError(sheet.name);
  }

  // The conditional formats of each sheet replaced, kept until its new plan says which of them are the tool's own.
  const formats = new Map<string, string[]>();
  let removed = false;
  for (const name of replace) {
    const sheet = find(name);
    if (!sheet) continue;
    const xml = sheet.part ? await pkg.text(sheet.part) : null;
    if (xml) formats.set(lower(sheet.name), xml.match(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g) ?? []);
    await removeSheet(pkg, sheet);
    removed = true;
  }
  if (removed) dropCalcChain(pkg);

  const stylesPart = pkg.partOfType(REL_TYPES.styles) ?? 'xl/styles.xml';
  const styles = new StyleSheet(await pkg.text(stylesPart));
  const tables = await tablesInUse(pkg);
  // Each sheet's fingerprint, taken as it is written. The lists sheet's note records those of all the others, some
  // written after it: its comments part is given its place in the file then, and its content at the end.
  const prints: Record<string, string> = Object.fromEntries(plan.sheets.map((s) => [s.name, '']));
  let pendingNote: { part: string; header: { row: number; col: number }; sheet: string; block: number } | null = null;
  let sheetId = pkg.sheets().reduce((m, s) => Math.max(m, s.sheetId), 0);
  let uncalculated = false;

  for (const pendingSheet of plan.sheets) {
    // A sheet of a row per action is written as its rows are made, so they never all live at once.
    const streamed = pendingSheet.stream?.();
    const sheetPlan = streamed?.plan ?? pendingSheet.build();
    const rows = streamed?.rows ?? rowsOf(sheetPlan);
    const part = pkg.freePart('xl/worksheets/sheet', '.xml');
    const sheetRels: Relationship[] = [];
    let table: { name: string; id: number; part: string; rel: string } | undefined;
    if (sheetPlan.table && rows.count > 1) {
      // Table names are workbook-wide: an officer who kept an earlier Plan sheet under a new name still has its table.
      const { given: name, notice } = claimTableName(sheetPlan.table.name, sheetPlan.name, tables.names);
      if (notice) notices.push(notice);
      table = { name, id: ++tables.maxId, part: pkg.freePart('xl/tables/table', '.xml'), rel: `rId${sheetRels.length + 1}` };
      sheetRels.push({ id: table.rel, type: REL_TYPES.table, target: table.part, external: false });
    }
    const drawing = sheetPlan.charts?.length ? { part: pkg.freePart('xl/drawings/drawing', '.xml'), rel: `rId${sheetRels.length + 1}` } : undefined;
    if (drawing) sheetRels.push({ id: drawing.rel, type: CHART_REL_TYPES.drawing, target: drawing.part, external: false });
    const header = ownershipHeader(rows);
    const note = header && { comments: pkg.freePart('xl/comments', '.xml'), drawing: pkg.freePart('xl/drawings/vmlDrawing', '.vml'), drawingRel: `rId${sheetRels.length + 2}` };
    if (note) {
      sheetRels.push({ id: `rId${sheetRels.length + 1}`, type: REL_TYPES.comments, target: note.comments, external: false });
      sheetRels.push({ id: note.drawingRel, type: REL_TYPES.vmlDrawing, target: note.drawing, external: false });
    }
    const parts = sheetXml(sheetPlan, {
      styles,
      date1904: pkg.date1904,
      table: table && { name: table.name, id: table.id },
      keptRules: officerRules(formats.get(lower(sheetPlan.name)) ?? [], sheetPlan),
      rels: { table: table?.rel, drawing: drawing?.rel, legacyDrawing: note?.drawingRel },
    }, streamed ?? { rows });
    prints[sheetPlan.name] = parts.fingerprint;
    uncalculated ||= parts.uncalculated;
    pkg.put(part, parts.xml, CONTENT_TYPES.worksheet);
    if (table && parts.table) pkg.put(table.part, parts.table.xml, CONTENT_TYPES.table);
    // Charts read their points' values from the sheet: a streamed sheet with charts has its rows made for them.
    if (drawing) putCharts(pkg, streamed ? streamedPlan(streamed) : sheetPlan, drawing.part);
    if (header && note) {
      const block = Number(/(\d+)\.vml$/.exec(note.drawing)?.[1] ?? 1);
      const { vml } = noteParts(header, '', block);
      pkg.put(note.comments, '', CONTENT_TYPES.comments);
      pkg.put(note.drawing, vml);
      pkg.ensureDefault('vml', CONTENT_TYPES.vml);
      pendingNote = { part: note.comments, header, sheet: sheetPlan.name, block };
    }
    if (sheetRels.length) pkg.put(relsPathOf(part), relationshipsXml(sheetRels, part));

    const relId = nextRelId(pkg.workbookRels);
    pkg.workbookRels.push({ id: relId, type: REL_TYPES.worksheet, target: part, external: false });
    const state = sheetPlan.visibility === 'visible' ? '' : ` state="${sheetPlan.visibility}"`;
    const prefix = /<sheet\b[^>]*\s([\w]+):id=/.exec(pkg.workbookXml)?.[1] ?? 'r';
    const entry = `<sheet name="${escapeXml(sheetPlan.name)}" sheetId="${++sheetId}"${state} ${prefix}:id="${relId}"/>`;
    pkg.workbookXml = pkg.workbookXml.replace(/<\/sheets>|<sheets\s*\/>/, (found) => (found === '</sheets>' ? `${entry}</sheets>` : `<sheets>${entry}</sheets>`));
    if (parts.printTitles) addDefinedName(pkg, '_xlnm.Print_Titles', pkg.sheets().length - 1, parts.printTitles);
  }
  if (pendingNote) {
    const { part, header, sheet, block } = pendingNote;
    const others = Object.fromEntries(Object.entries(prints).filter(([name]) => name !== sheet));
    pkg.put(part, noteParts(header, `${FINGERPRINT_NOTE}\n${JSON.stringify(others)}`, block).comments, CONTENT_TYPES.comments);
  }
  if (uncalculated) calculateOnLoad(pkg);
  pkg.put(stylesPart, styles.toXml(), CONTENT_TYPES.styles);
  if (!pkg.workbookRels.some((r) => r.type === REL_TYPES.styles)) {
    pkg.workbookRels.push({ id: nextRelId(pkg.workbookRels), type: REL_TYPES.styles, target: stylesPart, external: false });
  }
  return { notices };
}

export { OutputNotWritableError, writeWorkbookAtomically, ZIP_OPTIONS } from './write-atomically';
