/**
 * The Adult Social Care Outcomes Framework (ASCOF): both numberings that appear in real plans.
 *
 * ASCOF was renumbered from 2023-24, so "2A" means two different measures depending on the plan's era: short-term
 * services in the current framework, admissions to residential and nursing care in the pre-2023 one. This module
 * holds both catalogues, finds the codes a plan cites in free text ("ASCOF 2Aii Indicator 5.11"), and says what a
 * code measures in each framework.
 *
 * Sources: domain facts in /work/shared/domain.md (NHS England ASCOF data-source notes, the DHSC handbook). The names
 * below are our own short descriptions, not the official titles.
 *
 * UNCONFIRMED ENTRIES: the 2023-24 framework also has measures about information, carers being consulted, feeling
 * safe, social contact, workforce turnover and CQC ratings, but their new numbers are not confirmed from a source we
 * trust. They are listed below with `code: null` and `confirmed: false` rather than with a guessed number, so a plan
 * citing e.g. "ASCOF 4A" is read against the pre-2023 framework only and never against an invented code.
 */
import { KpiUnit, Polarity } from './schema';

export type AscofFramework = 'current' | 'pre-2023';

export interface AscofEntry {
  /** 'current' is the framework from 2023-24; 'pre-2023' the one used from 2014/15 to 2022/23. */
  framework: AscofFramework;
  /** e.g. "2A", "1C(2A)", "2A(1)"; null for a current measure whose new number is not confirmed. */
  code: string | null;
  /** What the measure counts, in our own words. */
  name: string;
  unit: KpiUnit;
  polarity: Polarity;
  /** False where the code (or, for current measures, the number) is not confirmed from a trusted source. */
  confirmed: boolean;
  /** For a current measure: the pre-2023 code it continues. */
  replaces: string | null;
  /** For a pre-2023 measure: the current code that continues it. */
  replacedBy: string | null;
  /** Named sub-parts cited after the code, e.g. 3D(1a). */
  parts?: readonly string[];
  /** For an unconfirmed current measure: the pre-2023 codes on the same topic (a topic link, not a confirmed successor). */
  relatedPre2023?: readonly string[];
  note?: string;
}

const pct = 'percentage' as const;
const rate = 'rate per 100,000' as const;

function pre(code: string, name: string, unit: KpiUnit, polarity: Polarity, replacedBy: string | null = null): AscofEntry {
  return { framework: 'pre-2023', code, name, unit, polarity, confirmed: true, replaces: null, replacedBy };
}

function cur(code: string, name: string, unit: KpiUnit, polarity: Polarity, replaces: string | null, extra: Partial<AscofEntry> = {}): AscofEntry {
  return { framework: 'current', code, name, unit, polarity, confirmed: true, replaces, replacedBy: null, ...extra };
}

/** Current measures whose 2023-24 number is NOT confirmed: no code is given on purpose (see the module comment). */
function unconfirmed(name: string, unit: KpiUnit, polarity: Polarity, relatedPre2023: string[]): AscofEntry {
  return {
    framework: 'current',
    code: null,
    name,
    unit,
    polarity,
    confirmed: false,
    replaces: null,
    replacedBy: null,
    relatedPre2023,
    note: 'In the 2023-24 framework, but its new number is not confirmed: check the current ASCOF handbook before citing a code.',
  };
}

export const PRE_2023_ASCOF: readonly AscofEntry[] = [
  pre('1A', 'Quality of life reported by people who use care and support (score out of 24)', 'score', 'higher', '1A'),
  pre('1B', 'People who use services who feel in control of their daily life', pct, 'higher'),
  pre('1C(1A)', 'People who use services who receive self-directed support', pct, 'higher', '3D'),
  pre('1C(1B)', 'Carers who receive self-directed support', pct, 'higher', '3D'),
  pre('1C(2A)', 'People who use services who receive direct payments', pct, 'higher', '3D'),
  pre('1C(2B)', 'Carers who receive direct payments', pct, 'higher', '3D'),
  pre('1D', 'Quality of life reported by carers (score out of 12)', 'score', 'higher'),
  pre('1E', 'Adults with a learning disability in paid work', pct, 'higher'),
  pre('1F', 'Adults known to secondary mental health services in paid work', pct, 'higher'),
  pre('1G', 'Adults with a learning disability living in their own home or with their family', pct, 'higher', '2E'),
  pre('1H', 'Adults known to secondary mental health services living independently', pct, 'higher'),
  pre('1I(1)', 'People who use services who have as much social contact as they want', pct, 'higher'),
  pre('1I(2)', 'Carers who have as much social contact as they want', pct, 'higher'),
  pre('1J', 'Quality of life adjusted for the difference services make (score)', 'score', 'higher'),
  pre('2A(1)', 'Long-term needs of adults aged 18-64 met by a move into a residential or nursing home', rate, 'lower', '2B'),
  pre('2A(2)', 'Long-term needs of adults aged 65+ met by a move into a residential or nursing home', rate, 'lower', '2C'),
  pre('2B(1)', 'Older people (65+) still at home 91 days after leaving hospital into reablement', pct, 'higher', '2D'),
  pre('2B(2)', 'Older people (65+) offered reablement after leaving hospital', pct, 'higher'),
  pre('2C(1)', 'Delayed transfers of care from hospital (part 1)', rate, 'lower'),
  pre('2C(2)', 'Delayed transfers of care from hospital (part 2)', rate, 'lower'),
  pre('2C(3)', 'Delayed transfers of care from hospital (part 3)', rate, 'lower'),
  pre('2D', 'Short-term services followed by no further support or lower-level support only', pct, 'higher', '2A'),
  pre('3A', 'People who use services who are satisfied overall with their care and support', pct, 'higher'),
  pre('3B', 'Carers who are satisfied overall with social services', pct, 'higher'),
  pre('3C', 'Carers who feel included or consulted about the person they care for', pct, 'higher'),
  pre('3D(1)', 'People who use services who find it easy to find information', pct, 'higher'),
  pre('3D(2)', 'Carers who find it easy to find information', pct, 'higher'),
  pre('4A', 'People who use services who feel safe', pct, 'higher'),
  pre('4B', 'People who use services who say their services make them feel safe and secure', pct, 'higher'),
];

export const CURRENT_ASCOF: readonly AscofEntry[] = [
  cur('1A', 'Quality of life reported by people who use care and support (score)', 'score', 'higher', '1A'),
  cur('2A', 'Short-term services followed by no further request for support', pct, 'higher', '2D'),
  cur('2B', 'Long-term needs of adults aged 18-64 met by a move into a residential or nursing home', rate, 'lower', '2A(1)'),
  cur('2C', 'Long-term needs of adults aged 65+ met by a move into a residential or nursing home', rate, 'lower', '2A(2)'),
  cur('2D', 'Older people (65+) at home 91 days after leaving hospital into reablement (from 2024-25: still in the community after 12 weeks)', pct, 'higher', '2B(1)'),
  cur('2E', 'People with long-term support who live in their own home or with their family', pct, 'higher', '1G'),
  cur('3D', 'Self-directed support and direct payments, for people who use services and carers', pct, 'higher', '1C', { parts: ['1a', '1b', '2a', '2b'] }),
  // Unconfirmed numbering: listed without a code on purpose.
  unconfirmed('Ease of finding information about services', pct, 'higher', ['3D(1)', '3D(2)']),
  unconfirmed('Carers included or consulted about the person they care for', pct, 'higher', ['3C']),
  unconfirmed('People who use services who feel safe', pct, 'higher', ['4A', '4B']),
  unconfirmed('People who have as much social contact as they want', pct, 'higher', ['1I(1)', '1I(2)']),
  unconfirmed('Turnover of the adult social care workforce', pct, 'lower', []),
  unconfirmed('Care providers rated by CQC', pct, 'higher', []),
];

export const ASCOF_CATALOGUE: readonly AscofEntry[] = [...CURRENT_ASCOF, ...PRE_2023_ASCOF];

// ---------------------------------------------------------------------------------------------------------------
// Codes as plans write them
// ---------------------------------------------------------------------------------------------------------------

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };

/**
 * One code: a digit and a letter ("2A"), then optionally a sub-part in brackets ("(1)", "(2A)", "(ii)", "(1a)"),
 * a lower-case roman numeral stuck to it ("2Aii" = 2A(2)), or a digit stuck to it ("2A1" = 2A(1)).
 * The letter must not run on into a word, so "ASCOF Indicator 12.4" gives no code.
 */
const CODE = String.raw`(\d)([A-Za-z])(?:\s?\(\s*([0-9][A-Za-z]?|[A-Za-z][0-9]?|i{1,3}|iv)\s*\)|(i{1,3}|iv)(?![A-Za-z0-9])|([1-3][ab]?)(?![A-Za-z0-9]))?(?![A-Za-z0-9])`;
/** "ASCOF 2A", "ASCOF: 2A", "ASCOF measure 2A", "ASCOF 2A and 2B", "ASCOF 2A/2D". */
const CITATION_RE = new RegExp(
  String.raw`\bASCOF(?![A-Za-z])\s*[:\-–]?\s*(?:(?:measures?|indicators?|ref(?:erence)?|codes?)\s*)?(${CODE}(?:\s*(?:,|&|/|\band\b|\bor\b)\s*${CODE})*)`,
  'gi',
);

const MENTIONS_ASCOF = /ascof/i;

/**
 * Whether a text says "ASCOF" at all, as every citation does: the checks ask this of six fields of every action
 * before looking for citations, which make lists even when they find none.
 */
export function mentionsFramework(text: string): boolean {
  return MENTIONS_ASCOF.test(text);
}

/** The canonical form of one written code: "2aii" → "2A(2)", "1c(2a)" → "1C(2A)", "3d(1a)" → "3D(1A)". */
function canonicalCode(m: RegExpExecArray | RegExpMatchArray): string {
  const base = `${m[1]}${m[2].toUpperCase()}`;
  const part = m[3] ?? m[4] ?? m[5];
  if (!part) return base;
  const p = part.toLowerCase();
  // Parts the current framework writes in lower case ("3D(1a)") stay so; the pre-2023 ones are upper case ("1C(2A)").
  const lower = ASCOF_CATALOGUE.some((e) => e.code === base && e.parts?.includes(p));
  const normalisedPart = ROMAN[p] ?? (lower ? p : part.toUpperCase());
  return `${base}(${normalisedPart})`;
}

/** Reads a code written on its own, with or without "ASCOF": "2Aii", "ASCOF 1C(2A)", "2A(1)". Null when it is not one. */
export function parseFrameworkCode(text: string): string | null {
  const t = text.trim().replace(/^ASCOF(?![A-Za-z])\s*[:\-–]?\s*(?:(?:measures?|indicators?|ref(?:erence)?|codes?)\s*)?/i, '');
  const m = new RegExp(`^${CODE}$`).exec(t.trim());
  return m ? canonicalCode(m) : null;
}

function splitCode(code: string): { base: string; part: string | null } {
  const m = /^(\d[A-Z])(?:\((.+)\))?$/.exec(code);
  return m ? { base: m[1], part: m[2] ?? null } : { base: code, part: null };
}

/**
 * The catalogue entries a canonical code can mean, in either framework:
 * an exact code; for a bare code, also the other framework's family of sub-parts ("2A" → current 2A and pre-2023
 * 2A(1), 2A(2)); for a sub-part, the parent that declares it ("3D(1A)") or the parts it starts ("1C(1)" → 1C(1A), 1C(1B)).
 */
export function lookupCode(code: string): AscofEntry[] {
  const c = code.toUpperCase();
  const { base, part } = splitCode(c);
  const out: AscofEntry[] = [];
  for (const framework of ['current', 'pre-2023'] as AscofFramework[]) {
    const entries = ASCOF_CATALOGUE.filter((e) => e.framework === framework && e.code);
    const exact = entries.filter((e) => e.code!.toUpperCase() === c);
    if (exact.length) {
      out.push(...exact);
      continue;
    }
    if (!part) {
      out.push(...entries.filter((e) => splitCode(e.code!.toUpperCase()).base === base && splitCode(e.code!).part));
      continue;
    }
    const parent = entries.find((e) => e.code!.toUpperCase() === base && e.parts?.some((p) => p.toUpperCase() === part));
    if (parent) {
      out.push(parent);
      continue;
    }
    out.push(
      ...entries.filter((e) => {
        const s = splitCode(e.code!.toUpperCase());
        return s.base === base && s.part !== null && s.part.startsWith(part) && s.part !== part;
      }),
    );
  }
  return out;
}

export interface FrameworkCodeCitation {
  /** The code as written, e.g. "2Aii". */
  raw: string;
  /** The canonical code, e.g. "2A(2)". */
  code: string;
  /** Entries in either framework; empty when the code is in neither. */
  matches: AscofEntry[];
}

/**
 * The ASCOF codes cited in free text: "ASCOF 2A", "(ASCOF 2Aii Indicator 5.11)", "ASCOF 1C(2A)", "ASCOF 2A and 2D".
 * Local indicator numbers ("Indicator 5.11", "ACAS Indicator 8.5a", "ASCOF Indicator 12.4") are not codes and are
 * not returned.
 */
export function findFrameworkCodes(text: string): FrameworkCodeCitation[] {
  return frameworkCitations(text).flatMap((c) => c.codes);
}

/** One "ASCOF …" citation in a text: where it is ("ASCOF 2A and 2D" as a whole) and the codes it gives. */
export interface FrameworkCitationSpan {
  start: number;
  end: number;
  codes: FrameworkCodeCitation[];
}

/** The ASCOF citations in free text, each with where it stands, so the words around it can be read too. */
export function frameworkCitations(text: string): FrameworkCitationSpan[] {
  const out: FrameworkCitationSpan[] = [];
  // Every citation starts with the word ASCOF; most texts never say it, and this plain search is far cheaper than
  // the citation pattern (it runs over six fields of every action in validation, and the measures in the board pack).
  if (!text || !MENTIONS_ASCOF.test(text)) return out;
  const one = new RegExp(CODE, 'g');
  for (const citation of text.matchAll(CITATION_RE)) {
    const codes = [...citation[1].matchAll(one)].map((m) => {
      const code = canonicalCode(m);
      return { raw: m[0].trim(), code, matches: lookupCode(code) };
    });
    out.push({ start: citation.index!, end: citation.index! + citation[0].length, codes });
  }
  return out;
}

function phrase(code: string, entries: AscofEntry[]): string {
  const exact = entries.find((e) => e.code?.toUpperCase() === code.toUpperCase());
  if (exact) {
    const link =
      exact.framework === 'current' && exact.replaces && exact.replaces !== exact.code
        ? ` (was ${exact.replaces} before 2023-24)`
        : exact.framework === 'pre-2023' && exact.replacedBy && exact.replacedBy !== exact.code
          ? ` (${exact.replacedBy} from 2023-24)`
          : '';
    return `“${exact.name}”${link}`;
  }
  if (entries.length === 1) return `part of ${entries[0].code} “${entries[0].name}”`;
  const successors = [...new Set(entries.map((e) => e.replacedBy))];
  const link = successors.length === 1 && successors[0] ? ` (all ${successors[0]} from 2023-24)` : '';
  return entries.map((e) => `${e.code} “${e.name}”`).join(' or ') + link;
}

/**
 * Which framework(s) a code belongs to and what it measures in each, e.g.
 * "ASCOF 2A is “Short-term services …” (was 2D before 2023-24) in the current framework (from 2023-24) and
 * 2A(1) “…” or 2A(2) “…” in the pre-2023 one. Check which numbering the plan uses."
 */
export function describeCode(code: string): string {
  const canonical = parseFrameworkCode(code) ?? code.trim().toUpperCase();
  const matches = lookupCode(canonical);
  if (!matches.length) {
    return `ASCOF ${canonical} is not a code in the current framework (from 2023-24) or in the pre-2023 one.`;
  }
  const current = matches.filter((e) => e.framework === 'current');
  const previous = matches.filter((e) => e.framework === 'pre-2023');
  if (current.length && previous.length) {
    const same = current.length === 1 && previous.length === 1 && current[0].replaces === previous[0].code && previous[0].code === current[0].code;
    const tail = same ? ' It kept its number when the framework changed.' : ' Check which numbering the plan uses.';
    return `ASCOF ${canonical} is ${phrase(canonical, current)} in the current framework (from 2023-24) and ${phrase(canonical, previous)} in the pre-2023 one.${tail}`;
  }
  if (current.length) return `ASCOF ${canonical} is ${phrase(canonical, current)} in the current framework (from 2023-24); it is not a pre-2023 code.`;
  let tail = '';
  if (!previous.some((p) => p.replacedBy)) {
    const topic = CURRENT_ASCOF.some((e) => !e.confirmed && e.relatedPre2023?.some((r) => previous.some((p) => p.code === r)));
    tail = topic
      ? ' The current framework has a measure on the same topic, but its new number is not confirmed.'
      : ' It has no confirmed code in the current framework.';
  }
  return `ASCOF ${canonical} is ${phrase(canonical, previous)} in the pre-2023 framework.${tail}`;
}

/** The entry for a code in one framework, when the code names exactly one measure there. */
export function ascofEntry(framework: AscofFramework, code: string): AscofEntry | null {
  const canonical = parseFrameworkCode(code) ?? code.toUpperCase();
  return ASCOF_CATALOGUE.find((e) => e.framework === framework && e.code?.toUpperCase() === canonical.toUpperCase()) ?? null;
}
