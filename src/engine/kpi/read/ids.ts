/** KPI ids and framework codes: ids as Excel's TRIM and MATCH see them, ASCOF citations in code cells and names. */
import { AscofEntry, findFrameworkCodes, FrameworkCodeCitation, lookupCode, parseFrameworkCode } from '../../ascof';
import { tidy } from '../../text';
import { cellText, CellValue } from '../../workbook';
import { excelTrim } from '../period';

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

