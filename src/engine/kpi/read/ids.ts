/** KPI ids and framework codes: ids as Excel's TRIM and MATCH see them, ASCOF citations in code cells and names. */
import { AscofEntry, findFrameworkCodes, FrameworkCodeCitation, lookupCode, parseFrameworkCode } from '../../ascof';
import { tidy } from '../../text';
import { cellText, CellValue } from '../../workbook';
import { excelTrim, periodKey } from '../period';

/** Id as the register formula compares it: Excel's TRIM of the cell's text. */
export function idTextOf(value: CellValue | undefined): string {
  if (!value || value.type === 'error') return '';
  if (value.type === 'number') return excelTrim(String(value.value));
  return excelTrim(cellText(value));
}

/** Ids match as Excel's MATCH does: ignoring case. */
export function idMatchKey(id: string): string {
  return id.toUpperCase();
}

/** ASCOF citations in a code cell: "ASCOF 2A", "2A", "ASCOF 1C(2A)"; a cell naming ASCOF with no readable code too. */
export function codeCitations(text: string): FrameworkCodeCitation[] {
  const t = text.trim();
  if (!t) return [];
  const found = findFrameworkCodes(t);
  if (found.length) return found;
  const bare = parseFrameworkCode(t);
  if (bare) return [{ raw: t, code: bare, matches: lookupCode(bare) }];
  const ascof = /\bASCOF\b\s*[:\-–]?\s*([^\s,;)]+)/i.exec(t);
  if (ascof && !/^indicator$/i.test(ascof[1])) return [{ raw: ascof[1], code: ascof[1].toUpperCase(), matches: [] }];
  return [];
}

/** The catalogue's unit and polarity for the cited codes: the current framework's exact entry first. */
export function frameworkSuggestion(citations: FrameworkCodeCitation[]): AscofEntry | null {
  for (const c of citations) {
    const current = c.matches.filter((m) => m.framework === 'current' && m.code?.toUpperCase() === c.code.toUpperCase());
    if (current.length) return current[0];
    const exact = c.matches.filter((m) => m.code?.toUpperCase() === c.code.toUpperCase());
    if (exact.length) return exact[0];
    if (c.matches.length && c.matches.every((m) => m.unit === c.matches[0].unit && m.polarity === c.matches[0].polarity)) return c.matches[0];
  }
  return null;
}

/** The indicator's name without the code cited in it: "Admissions … (ASCOF 2B)" → "Admissions …". */
export function nameWithoutCode(name: string): string {
  return tidy(
    name
      .replace(/\s*\(\s*ASCOF\b(?:[^()]|\([^()]*\))*\)/gi, ' ')
      .replace(/\s*\[\s*ASCOF\b[^\]]*\]/gi, ' ')
      .replace(/\s*[-–:]\s*ASCOF\s+\S+\s*$/i, ' '),
  );
}


/**
 * A short code as councils write ids: "2B", "1A(i)", "2A(1)", "NI 130", "ASC01", "KPI-7", "PI 12a", "3.2", "ASCOF 2A".
 * Letters (in up to two groups, "L-RR1"), then digits, then an optional suffix. Needs a digit; at most 14
 * characters; words are not codes.
 */
export function isCodeLike(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 14 || !/\d/.test(t)) return false;
  return /^(?:ASCOF\s*)?(?:[A-Za-z]{1,6}[-_/.])?[A-Za-z]{0,6}[\s\-_/.]?\d{1,4}[A-Za-z]{0,3}(?:\s?\((?:[ivx]{1,4}|\d{1,2}[a-z]?|[a-z]\d?)\))?(?:[.\-/]\d{1,3}[A-Za-z]?)*$/i.test(t);
}

const KNOWN_PREFIX = /^(ASCOF|NI|BV|BVPI|PI|KPI|LPI|ASC|ACS|CP|LI|SOF|PAF)$/i;

/**
 * An id written at the start of the name cell: "2B: Admissions …", "NI 130 - Social care clients …", "1A(i) Quality
 * of life …", "ASC01 – Reviews …". A bare number ("1. …") counts only with a separator after it; a year never does.
 */
export function splitIdFromName(text: string): { id: string; name: string } | null {
  const t = text.trim();
  const separated = /^(.{1,16}?)\s*(?:[:|–—]|\s-\s|\.\s|\)\s)\s*(.+)$/.exec(t);
  const tokens = t.split(/\s+/);
  const candidates: { id: string; name: string; separated: boolean }[] = [];
  if (separated) candidates.push({ id: separated[1].trim(), name: separated[2].trim(), separated: true });
  if (tokens.length > 2 && KNOWN_PREFIX.test(tokens[0])) candidates.push({ id: `${tokens[0]} ${tokens[1]}`, name: tokens.slice(2).join(' '), separated: false });
  if (tokens.length > 1) candidates.push({ id: tokens[0], name: tokens.slice(1).join(' '), separated: false });
  for (const c of candidates) {
    const id = c.id.replace(/[.:]$/, '');
    if (!isCodeLike(id) || c.name.length < 6 || !/[a-z]{3}/i.test(c.name)) continue;
    // A year or period starting the name ("2024/25 outturn …") is not an id.
    if (/^(19|20)\d{2}$/.test(id) || periodKey(id) !== null) continue;
    // A bare number with no separator is more likely the start of the name ("65+ admissions", "28 day reviews").
    if (/^\d+$/.test(id) && !c.separated) continue;
    // A plain word-number pair with no separator ("Wave 2 …") is only an id when it is a known prefix, an acronym
    // ("AS04", "DOLS-2": capitals, as no word of a name is written) or has a letter code after the digits.
    const letters = id.replace(/[\s\-_]?\d+$/, '');
    if (!c.separated && /^[A-Za-z]+$/.test(letters) && !KNOWN_PREFIX.test(id.replace(/[\s\-_]?\d.*$/, '')) && !/^[A-Z]{1,4}$/.test(letters) && !/\d[A-Za-z(]/.test(id)) continue;
    return { id, name: c.name };
  }
  return null;
}

const STOP = new Set(['the', 'and', 'who', 'with', 'for', 'their', 'people', 'use', 'services', 'service', 'adults', 'aged', 'care', 'support', 'into', 'from', 'that', 'are', 'have', 'this', 'per', 'social', 'proportion', 'percentage', 'number', 'rate', 'of', 'in', 'to', 'by', 'a']);

function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/\+/g, ' plus ')
      .split(/[^a-z0-9]+/)
      .filter((w) => (w.length >= 4 || /^\d{2}$/.test(w)) && !STOP.has(w))
      .map((w) => w.replace(/(ies|es|s)$/, '')),
  );
}

/** How many significant words a catalogue entry's name shares with the KPI's name. */
export function nameOverlap(entry: AscofEntry, name: string): number {
  const mine = significantWords(name);
  let shared = 0;
  for (const w of significantWords(entry.name)) if (mine.has(w)) shared++;
  return shared;
}

/**
 * The catalogue entry the KPI's own words point to among the cited codes' matches, so that "2A" about admissions to
 * care homes is read in the pre-2023 numbering and "2A" about short-term services in the current one. Null when the
 * name shares no words with any match.
 */
export function entryByName(citations: FrameworkCodeCitation[], name: string): AscofEntry | null {
  let best: { entry: AscofEntry; score: number } | null = null;
  for (const c of citations) for (const m of c.matches) {
    const score = nameOverlap(m, name);
    if (score > 0 && (!best || score > best.score)) best = { entry: m, score };
  }
  return best?.entry ?? null;
}
