/**
 * The corpus's role vocabulary: the header wordings a council we have never met might put over each column.
 * None of them is, word for word (after normalising case and punctuation), a seed header or a phrase in the
 * engine's FIELD_SYNONYMS: the corpus must test reading by meaning and by content, not the phrase lists that grew
 * from the seeds. tests/structure-corpus.test.ts checks that rule against the seeds and the synonym lists. So the
 * bare questions "Who?", "When?" and "By when?" (already synonyms) appear here as "Who leads?", "When by?" and
 * "Done by when?". No wording could fairly mean two roles ("Prog." could be programme or progress: not used).
 */

/** The columns a corpus table can have. `notes` and `spacer` hold no field; `recommendation` is grouping or the action. */
export type CorpusRole =
  | 'ref'
  | 'theme'
  | 'recommendation'
  | 'action'
  | 'milestones'
  | 'lead'
  | 'timescale'
  | 'status'
  | 'rag'
  | 'progress'
  | 'measures'
  | 'outcomes'
  | 'notes'
  | 'spacer';

/** How a header is worded: plainly, as a question, or abbreviated. */
export type WordingStyle = 'plain' | 'question' | 'abbreviated';

type Wordings = Record<WordingStyle, readonly string[]>;

export const ROLE_WORDINGS: Record<Exclude<CorpusRole, 'spacer'>, Wordings> = {
  ref: {
    plain: ['Action code', 'Line', 'Plan reference number', 'Code', 'Item number'],
    question: ['Which item?', 'Item no.?'],
    abbreviated: ['#', 'Ln', 'Itm #', 'Seq.'],
  },
  theme: {
    plain: ['Strand', 'Pillar', 'Strategic priority', 'Improvement programme', 'Programme area'],
    question: ['Which priority?', 'Where does it fit?'],
    abbreviated: ['Strat. priority', 'Prio. area'],
  },
  recommendation: {
    plain: ['What the inspectors said', 'Inspection finding', 'Peer challenge recommendation', 'Area for improvement', 'Recommendations made'],
    question: ['What did CQC find?', 'What was recommended?'],
    abbreviated: ['Rec.', 'CQC rec.'],
  },
  action: {
    plain: ['Our commitments', 'What needs to happen', 'Commitment', 'Steps we will take', 'Agreed improvement', 'Our response'],
    question: ['What are we going to do?', 'What needs to change?', 'How will we respond?'],
    abbreviated: ['Commitment desc.', 'Impr. step'],
  },
  milestones: {
    plain: ['Checkpoints', 'Interim targets', 'Route to completion'],
    question: ['What are the steps?', 'How will we get there?'],
    abbreviated: ['Chkpts', 'Interim tgts'],
  },
  lead: {
    plain: ['Responsible director', 'Owner(s)', 'Accountable', 'Named lead', 'Accountable manager', 'Senior responsible officer', 'Action holder'],
    question: ['Who leads?', 'Who will do it?', 'Who is accountable?'],
    abbreviated: ['Resp.', 'Resp. officer', 'SRO', 'Acc. mgr', 'Dept. lead'],
  },
  timescale: {
    plain: ['Target', 'Completion by', 'Delivery date', 'Expected completion', 'Deliver by', 'End date'],
    question: ['When by?', 'Done by when?', 'When will it be done?'],
    abbreviated: ['Tgt date', 'Compl. by', 'Exp. compl.'],
  },
  status: {
    plain: ['Overall status', 'Stage', 'Delivery state', 'Status at Q2'],
    question: ['Where is it at?', 'How is it going?'],
    abbreviated: ['Stat.', 'Status (Q2)'],
  },
  rag: {
    plain: ['Traffic light', 'Overall RAG', 'Delivery confidence', 'RAG at Q2'],
    question: ['What colour?', 'Which colour is it?'],
    abbreviated: ['R/A/G', 'T/L'],
  },
  progress: {
    plain: ['Update this quarter', 'Where we are now', 'Progress narrative', 'Latest position', 'Q2 update'],
    question: ['What has happened so far?', 'What has been done?'],
    abbreviated: ['Upd.', 'Prog. note'],
  },
  measures: {
    plain: ['How we will measure it', 'Success looks like', 'Measure(s)', 'KPI / measure'],
    question: ['How will we know it worked?', 'What will we count?'],
    abbreviated: ['Msr.', 'Perf. measure'],
  },
  outcomes: {
    plain: ['What will be different', 'Difference it will make', 'Expected impact', 'Result for residents'],
    question: ['What difference will it make?', 'Why does it matter?'],
    abbreviated: ['Exp. outcome', 'Exp. impact'],
  },
  notes: {
    plain: ['Notes', 'Officer notes', 'Remarks', 'Dependencies', 'Additional information'],
    question: ['Anything else?'],
    abbreviated: ['NB', 'Addl. info'],
  },
};

/** A wording for a role: `index` chooses among the style's wordings (wrapping round). */
export function wording(role: Exclude<CorpusRole, 'spacer'>, style: WordingStyle, index: number): string {
  const list = ROLE_WORDINGS[role][style];
  return list[index % list.length];
}

/** Every wording in the vocabulary, with its role. */
export function allWordings(): { role: CorpusRole; text: string }[] {
  const out: { role: CorpusRole; text: string }[] = [];
  for (const [role, styles] of Object.entries(ROLE_WORDINGS) as [CorpusRole, Wordings][]) {
    for (const list of Object.values(styles)) for (const text of list) out.push({ role, text });
  }
  return out;
}

/** Group labels merged over several sub-headers, and the roles each may sit over. */
export const GROUP_LABELS: readonly { label: string; over: readonly CorpusRole[] }[] = [
  { label: 'Delivery', over: ['lead', 'timescale'] },
  { label: 'Accountability and timing', over: ['lead', 'timescale'] },
  { label: 'Monitoring', over: ['status', 'rag', 'progress'] },
  { label: 'Position at 30 September 2025', over: ['status', 'rag', 'progress'] },
  { label: 'Assurance', over: ['measures', 'outcomes'] },
  { label: 'Plan', over: ['ref', 'action'] },
];
