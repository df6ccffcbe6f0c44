/**
 * The officer's confirmed polarity for a KPI, kept in the workbook so the answer outlives the run: a Plan Settings
 * row whose Setting is "Polarity: <KPI id or code>" and whose Value is "higher" or "lower" (or "Higher is better",
 * "Lower is better", ↑, ↓). The CLI's `--polarity "ASCOF 2A=lower"` gives the same for one run. A confirmed polarity
 * beats every other kind of evidence (polarityEvidence "officer").
 */
import { Polarity } from '../schema';
import type { KpiReading } from './read';

const POLARITY_SETTING = /^\s*polarity\s*:\s*(\S.*?)\s*$/i;

/** How a saved polarity is matched to a KPI: capitals, spaces and an "ASCOF" prefix do not matter. */
export function polarityMatchKey(idOrCode: string): string {
  return idOrCode
    .toUpperCase()
    .replace(/^\s*ASCOF\b/, '')
    .replace(/[\s.]+/g, '');
}

/** "higher", "Higher is better", "high", "↑" → higher; the same for lower; anything else → null. */
export function polarityWord(text: string): Polarity | null {
  const t = text.trim().toLowerCase();
  if (/^(↑|higher|high|up)( is better)?$/.test(t)) return 'higher';
  if (/^(↓|lower|low|down)( is better)?$/.test(t)) return 'lower';
  return null;
}

/** A Plan Settings row "Polarity: ASCOF 2A" | "lower" → the KPI and its polarity; any other row → null. */
export function readSavedPolarity(setting: string, value: string): { kpi: string; polarity: Polarity } | null {
  const m = POLARITY_SETTING.exec(setting);
  const polarity = m ? polarityWord(value) : null;
  return m && polarity ? { kpi: m[1], polarity } : null;
}

/** The Plan Settings row that saves a confirmed polarity (Setting, Value). */
export function savedPolarityRow(kpi: string, polarity: Polarity): [string, string] {
  return [`Polarity: ${kpi}`, polarity];
}

/** Whether a Plan Settings Setting cell saves the polarity of this KPI (to update the row rather than add one). */
export function isSavedPolarityFor(setting: string, kpi: string): boolean {
  const m = POLARITY_SETTING.exec(setting);
  return !!m && polarityMatchKey(m[1]) === polarityMatchKey(kpi);
}

/** The CLI's `--polarity "<KPI id or code>=higher|lower"`; null when it does not read. */
export function parsePolarityOption(option: string): { kpi: string; polarity: Polarity } | null {
  const at = option.lastIndexOf('=');
  if (at <= 0) return null;
  const kpi = option.slice(0, at).trim();
  const polarity = polarityWord(option.slice(at + 1));
  return kpi && polarity ? { kpi, polarity } : null;
}

/** What a polarity names a KPI by: its id, then its code when it has one (the id wins where both match). */
function namesOf(kpi: { id: string; code?: string | null }): string[] {
  return kpi.code ? [polarityMatchKey(kpi.id), polarityMatchKey(kpi.code)] : [polarityMatchKey(kpi.id)];
}

/**
 * Settles each KPI's polarity: the officer's confirmed polarity wins (evidence "officer"), matched by the KPI's id,
 * then by its code; any other KPI keeps the reader's. The definitions are changed in place, so every later step
 * (computation, findings, the register) sees the settled polarity.
 */
export function settlePolarities(reading: KpiReading, saved: Readonly<Record<string, Polarity>> | undefined): void {
  const byKey = new Map(Object.entries(saved ?? {}).map(([kpi, polarity]) => [polarityMatchKey(kpi), polarity]));
  if (!byKey.size) return;
  for (const { definition } of reading.definitions) {
    const polarity = namesOf(definition)
      .map((name) => byKey.get(name))
      .find(Boolean);
    if (!polarity) continue;
    definition.polarity = polarity;
    definition.polarityEvidence = 'officer';
  }
}

/** The KPIs named in `saved` that are no KPI's id or code (a mistyped id), as the officer wrote them. */
export function polaritiesNamingNoKpi(saved: Readonly<Record<string, Polarity>>, kpis: readonly { id: string; code?: string | null }[]): string[] {
  const known = new Set(kpis.flatMap(namesOf));
  return Object.keys(saved).filter((kpi) => !known.has(polarityMatchKey(kpi)));
}
