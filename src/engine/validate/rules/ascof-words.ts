/** An ASCOF code quoted in plan text ("… in paid employment (ASCOF 1F)") that names a different measure from its words. */
import { describeCode, frameworkCitations, mentionsFramework } from '../../ascof';
import { codeWordsMismatch, codesInWords, measureWords } from '../../ascof-words';
import { ActionField } from '../../structure/columns';
import { actionLabel, collect, fieldHeader, snippet } from '../helpers';
import { defineRule, Hit } from '../rule-shape';

const FIELDS: ActionField[] = ['measures', 'action', 'outcomes', 'progress', 'milestones', 'area'];

/** Where one statement ends: a new line, a semicolon, a bullet, or a full stop before the next sentence. */
const CLAUSE_END = /\n|;|•|\.\s+(?=[A-Z])/g;

interface Params {
  who: string;
  field: ActionField;
  raw: string;
  words: string;
  named: string;
  codes: string;
  meaning: string;
}

/**
 * The words a citation stands beside: the statement it is in, from the previous citation (or the statement's start)
 * up to it, as "… in paid employment (ASCOF 1F)" is written; where nothing telling comes before it ("ASCOF 1F:
 * adults with …"), the words after it instead, up to the next citation or the statement's end.
 */
export function wordsBeside(text: string, spans: { start: number; end: number }[], index: number): string {
  const { start, end } = spans[index];
  const ends = [...text.matchAll(CLAUSE_END)].map((m) => ({ at: m.index!, after: m.index! + m[0].length }));
  const clauseStart = Math.max(0, ...ends.filter((e) => e.after <= start).map((e) => e.after), ...spans.slice(0, index).map((s) => s.end));
  const before = text
    .slice(clauseStart, start)
    .replace(/^[\s)\],:\-–]*/, '')
    .replace(/[([]\s*$/, '');
  if (measureWords(before).size >= 2) return before.trim();
  const clauseEnd = Math.min(text.length, ...ends.filter((e) => e.at >= end).map((e) => e.at), ...spans.slice(index + 1).map((s) => s.start));
  return text.slice(end, clauseEnd).replace(/^[\s)\]:\-–]*/, '').trim();
}

export const ascofCodeWords = defineRule<Params>({
  id: 'ascof-code-names-other-measure',
  defaultSeverity: 'warning',
  title: 'ASCOF code that names a different measure from its words',
  checks:
    'An ASCOF code quoted in an action’s text (“… in paid employment (ASCOF 1F)”) is checked against the words it ' +
    'stands beside (the words before it in the same line or sentence, else those after it), under both numberings. ' +
    'A finding when the words clearly name one measure (at least two of the words that tell measures apart, such as ' +
    '“learning disability” and “paid work”) and the code means a different measure in the current (2023-24) ' +
    'framework and in the pre-2023 one. Quiet when the words name no ASCOF measure (complaints, assessment times), ' +
    'when the code is in neither framework (unknown-framework-code reports that), and when the code could be the ' +
    'unconfirmed 2023-24 number of the measure the words name.',
  message: (p) =>
    `${p.who} quotes ASCOF ${p.raw} in its ${fieldHeader(p.field).toLowerCase()} beside “${p.words}”, which reads as “${p.named}” (${p.codes}). ${p.meaning}`,
  fix: (p) => `Check which measure is meant. “${p.named}” is ${p.codes}: correct the code, or the words if the code is right.`,
  example: {
    who: 'Action 4.2 (row 18)',
    field: 'measures',
    raw: '1F',
    words: 'Percentage of adults with learning disabilities in paid employment',
    named: 'Adults with a learning disability in paid work',
    codes: 'ASCOF 1E before 2023-24',
    meaning: 'ASCOF 1F is “Adults known to secondary mental health services in paid work” in the pre-2023 framework. It has no confirmed code in the current framework.',
  },
  find: (context) =>
    collect(context, (a) => {
      // Made only for an action that cites a code: most cite none, and a list, a set and each field's cell address
      // for every action came to 50 MB at 50,000 actions.
      let hits: Hit<Params>[] | null = null;
      let seen: Set<string> | null = null;
      for (const field of FIELDS) {
        const text = a[field];
        if (typeof text !== 'string' || !mentionsFramework(text)) continue;
        const spans = frameworkCitations(text);
        if (!spans.length) continue;
        const cell = a.cells.get(field);
        if (!cell) continue;
        hits ??= [];
        seen ??= new Set<string>();
        for (let i = 0; i < spans.length; i++) {
          const words = wordsBeside(text, spans, i);
          for (const c of spans[i].codes) {
            if (seen.has(c.code)) continue;
            const mismatch = codeWordsMismatch(c.code, words);
            if (!mismatch) continue;
            seen.add(c.code);
            const codes = codesInWords(mismatch.wordsName);
            hits.push({
              sheet: a.source.sheet,
              cell,
              params: { who: actionLabel(a), field, raw: c.raw, words: snippet(words, 80), named: mismatch.wordsName[0].name, codes, meaning: describeCode(c.code) },
            });
          }
        }
      }
      return hits;
    }),
});
