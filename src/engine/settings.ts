/**
 * Plan settings kept in the workbook as a two-column "Plan Settings" sheet (Setting | Value), so they travel
 * with the file. The Office.js adapter also mirrors them into the document's settings.
 */
import { readSavedPolarity } from './kpi/saved-polarity';
import { readRagSetting } from './rag/rag-settings';
import { PlanSettings } from './schema';
import { normalise } from './text';
import { parseTimescale } from './timescale';
import { cellText, SheetGrid, WorkbookModel } from './workbook';

export const SETTINGS_SHEET = 'Plan Settings';
const SETTINGS_SHEET_NAMES = ['plan settings', 'settings', 'planassure settings'];

/** The Plan Settings sheet's Setting labels (normalised), and the setting each sets. */
export const SETTING_LABELS: Record<string, keyof PlanSettings> = {
  title: 'title',
  'plan title': 'title',
  'plan start': 'planStart',
  'plan start date': 'planStart',
  'reporting period': 'reportingPeriod',
  'rag tolerance': 'ragTolerance',
  tolerance: 'ragTolerance',
  'protective marking': 'protectiveMarking',
  marking: 'protectiveMarking',
  'due soon days': 'dueSoonDays',
  'amber when due within days': 'dueSoonDays',
  'kpi rag': 'kpiRag',
  'coming up months': 'comingUpMonths',
  'coming up window': 'comingUpMonths',
  author: 'author',
  'prepared by': 'author',
  version: 'version',
};

/** Whether a sheet of this name is read as the Plan Settings sheet (the adapters write saved answers to it). */
export function isSettingsSheetName(name: string): boolean {
  return SETTINGS_SHEET_NAMES.includes(normalise(name));
}

export function readSettingsSheet(model: WorkbookModel): { sheet: string | null; settings: Partial<PlanSettings> } {
  const sheet = model.sheets.find((s) => isSettingsSheetName(s.name));
  if (!sheet) return { sheet: null, settings: {} };
  const grid = new SheetGrid(sheet);
  const settings: Partial<PlanSettings> = {};
  for (const r of grid.rowNumbers) {
    const rule = readRuleSeverity(grid.text(r, 1), grid.text(r, 2));
    if (rule) {
      settings.ruleSeverities = { ...settings.ruleSeverities, [rule.id]: rule.severity };
      continue;
    }
    const polarity = readSavedPolarity(grid.text(r, 1), grid.text(r, 2));
    if (polarity) {
      settings.kpiPolarities = { ...settings.kpiPolarities, [polarity.kpi]: polarity.polarity };
      continue;
    }
    const rag = readRagSetting(grid.text(r, 1), grid.text(r, 2), settings);
    if (rag) {
      Object.assign(settings, rag);
      continue;
    }
    const key = SETTING_LABELS[normalise(grid.text(r, 1))];
    if (!key) continue;
    const cell = grid.shown(r, 2)?.value;
    const text = cellText(cell).trim();
    if (!text) continue;
    switch (key) {
      case 'planStart': {
        const iso = cell?.type === 'date' ? cell.value : parseDayFirst(text);
        if (iso) settings.planStart = iso;
        break;
      }
      case 'ragTolerance':
      case 'dueSoonDays': {
        const n = cell?.type === 'number' ? cell.value : Number(text.replace(/%$/, '')) / (text.endsWith('%') ? 100 : 1);
        if (Number.isFinite(n)) (settings as Record<string, unknown>)[key] = n;
        break;
      }
      case 'comingUpMonths': {
        // "6", "6 months", or a number cell.
        const n = cell?.type === 'number' ? cell.value : Number(/^\s*(\d+)\s*(months?)?\s*$/i.exec(text)?.[1]);
        if (Number.isInteger(n) && n > 0) settings.comingUpMonths = n;
        break;
      }
      case 'kpiRag': {
        const source = kpiRagSource(text);
        if (source) settings.kpiRag = source;
        break;
      }
      default:
        (settings as Record<string, unknown>)[key] = text;
    }
  }
  return { sheet: sheet.name, settings };
}

/**
 * A "Rule: <rule-id>" row (Setting) with error, warning, info or off (Value) changes that rule's severity or turns it
 * off, e.g. "Rule: smart-incomplete" | "off". Rule ids are listed in docs/RULES.md.
 */
export function readRuleSeverity(setting: string, value: string): { id: string; severity: 'error' | 'warning' | 'info' | 'off' } | null {
  const m = /^\s*rule\s*:\s*(\S.*?)\s*$/i.exec(setting);
  if (!m) return null;
  const severity = value.trim().toLowerCase();
  if (severity !== 'error' && severity !== 'warning' && severity !== 'info' && severity !== 'off') return null;
  return { id: m[1].toLowerCase().replace(/\s+/g, '-'), severity };
}

/** "KPI RAG": "rule" (or "tolerance", "calculated") puts the tool's RAG first; "stated" (or "council", "sheet") the council's. */
function kpiRagSource(text: string): PlanSettings['kpiRag'] | null {
  const t = normalise(text);
  if (/^(rule|tolerance|calculated|tool|planassure)\b/.test(t)) return 'rule';
  if (/^(stated|council|sheet|entered|own)\b/.test(t)) return 'stated';
  return null;
}

function parseDayFirst(text: string): string | null {
  const parsed = parseTimescale(text, null, { shortMonths: 6, mediumMonths: 12, longMonths: 24 });
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : parsed.dueDate;
}
