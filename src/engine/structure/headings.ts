/**
 * Section headings ("Theme 2 - Providing Support: …", "1. Assurance that staff …", "II IMPROVED QUALITY OF LIFE
 * FOR OLDER PEOPLE", "Safeguarding") and how they rank: the highest kind present on a sheet is its theme, the
 * next its area; a quality-statement heading sets the quality statement.
 */
import { normalise } from '../text';
import { matchCqcTheme, matchQualityStatement } from '../vocabulary';

/** A heading that is a quality statement's name (optionally followed by its description after a colon). */
function isQualityStatementHeading(text: string): boolean {
  const name = text.split(/[:\n]/)[0];
  const qs = matchQualityStatement(name);
  return qs !== null && normalise(name).split(' ').length <= normalise(qs).split(' ').length + 1;
}

export type HeadingKind = 'theme' | 'caps' | 'numbered' | 'plain' | 'quality-statement';

const RANK: Record<Exclude<HeadingKind, 'quality-statement'>, number> = { theme: 0, caps: 0, numbered: 1, plain: 2 };

export function headingKind(text: string): HeadingKind {
  const first = text.split('\n')[0].trim();
  if (/^theme\s*\d+\b/i.test(first) || matchCqcTheme(first)) return 'theme';
  if (isQualityStatementHeading(first)) return 'quality-statement';
  const letters = first.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 4 && letters === letters.toUpperCase()) return 'caps';
  if (/^[IVX]+[.)]?\s+\S/.test(first)) return 'caps';
  if (/^\d+(\.\d+)*[.)]?\s+\S/.test(first)) return 'numbered';
  return 'plain';
}

export function headingRank(kind: HeadingKind): number {
  return kind === 'quality-statement' ? -1 : RANK[kind];
}

/** Notes, keys and end markers that are neither headings nor actions. */
export function isNoteText(text: string): boolean {
  return /^(key\s*[:\-–]|notes?\s*[:\-–]|source\s*[:\-–]|\*|end of\b|please note\b|nb[:\s])/i.test(text.trim());
}
