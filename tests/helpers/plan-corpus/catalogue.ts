/**
 * The named corpus layouts: each a plan an unseen council might keep, written to test one way of laying a plan
 * out (the `covers` line says which). Headers come from the corpus vocabulary (roles.ts) and never repeat a seed's.
 */
import { ColumnPlan, LayoutPlan, SheetPlan, TablePlan } from './plan';
import { CorpusRole } from './roles';

const c = (role: CorpusRole, header: string, group?: string): ColumnPlan => (group ? { role, header, group } : { role, header });
const spacer = (): ColumnPlan => ({ role: 'spacer', header: '' });
const table = (columns: ColumnPlan[], extra: Partial<TablePlan> = {}): TablePlan => ({ columns, actions: 8, ...extra });
const oneSheet = (name: string, t: TablePlan | TablePlan[], extra: Partial<SheetPlan> = {}): SheetPlan[] => [
  { name, tables: Array.isArray(t) ? t : [t], ...extra },
];

type Entry = Omit<LayoutPlan, 'seed'>;

const ENTRIES: Entry[] = [
  // --- Header wordings and column order ---------------------------------------------------------------------
  {
    id: 'commitments-owner-completion',
    covers: 'plain unseen wordings in the usual order, title block',
    sheets: oneSheet('Improvement Plan', table([c('ref', 'Action code', undefined), c('action', 'Our commitments'), c('lead', 'Owner(s)'), c('timescale', 'Completion by'), c('status', 'Overall status')], { refStyle: 'decimal' }), { title: 'full' }),
  },
  {
    id: 'shuffled-lead-first',
    covers: 'shuffled order: lead and timescale before the action, ref after it',
    sheets: oneSheet('Plan 2025-26', table([c('lead', 'Responsible director'), c('timescale', 'Target'), c('action', 'What needs to happen'), c('ref', '#'), c('rag', 'Traffic light')], { refStyle: 'letter' })),
  },
  {
    id: 'shuffled-status-left',
    covers: 'shuffled order: status left of the action, ref last',
    sheets: oneSheet('Actions', table([c('status', 'Stage'), c('action', 'Steps we will take'), c('lead', 'Resp.'), c('timescale', 'Tgt date'), c('ref', 'Code')], { refStyle: 'code', actions: 10 })),
  },
  {
    id: 'shuffled-action-last',
    covers: 'shuffled order: the action is the last column',
    sheets: oneSheet('Delivery', table([c('timescale', 'Expected completion'), c('rag', 'Overall RAG'), c('lead', 'Accountable'), c('ref', 'Line'), c('action', 'Agreed improvement')], { refStyle: 'theme', ragFills: true })),
  },
  {
    id: 'shuffled-progress-before-action',
    covers: 'shuffled order: a long-text progress column to the left of the action',
    sheets: oneSheet('Tracker', table([c('ref', 'Item number'), c('progress', 'Latest position'), c('action', 'Commitment'), c('lead', 'Action holder'), c('status', 'Delivery state')], { refStyle: 'decimal', actions: 9 })),
  },
  {
    id: 'questions-what-who-when',
    covers: 'question-word headers throughout',
    sheets: oneSheet('Our plan', table([c('ref', 'Which item?'), c('action', 'What are we going to do?'), c('lead', 'Who leads?'), c('timescale', 'When will it be done?'), c('status', 'How is it going?'), c('rag', 'What colour?')], { refStyle: 'decimal' })),
  },
  {
    id: 'questions-no-refs',
    covers: 'question-word headers, no refs, progress and outcomes as questions',
    sheets: oneSheet('Plan', table([c('action', 'What needs to change?'), c('lead', 'Who will do it?'), c('timescale', 'Done by when?'), c('progress', 'What has happened so far?'), c('outcomes', 'What difference will it make?')])),
  },
  {
    id: 'questions-shuffled',
    covers: 'question-word headers in a shuffled order',
    sheets: oneSheet('Plan', table([c('lead', 'Who is accountable?'), c('action', 'How will we respond?'), c('status', 'Where is it at?'), c('timescale', 'When by?'), c('measures', 'How will we know it worked?')], { actions: 10 })),
  },
  {
    id: 'abbreviated-headers',
    covers: 'abbreviated headers (Resp. officer, Compl. by, Exp. outcome)',
    sheets: oneSheet('ASC plan', table([c('ref', 'Ln'), c('action', 'Impr. step'), c('lead', 'Resp. officer'), c('timescale', 'Compl. by'), c('status', 'Stat.'), c('rag', 'R/A/G'), c('outcomes', 'Exp. outcome')], { refStyle: 'decimal' })),
  },
  {
    id: 'abbreviated-headers-2',
    covers: 'abbreviated headers (SRO, Exp. compl., T/L, Upd., Msr.)',
    sheets: oneSheet('ASC plan', table([c('ref', 'Seq.'), c('action', 'Commitment desc.'), c('lead', 'SRO'), c('timescale', 'Exp. compl.'), c('rag', 'T/L'), c('progress', 'Upd.'), c('measures', 'Msr.')], { refStyle: 'letter', ragFills: true })),
  },
  // --- Merged group headers -------------------------------------------------------------------------------
  {
    id: 'groups-delivery-monitoring',
    covers: 'merged group headers "Delivery" and "Monitoring" over sub-headers',
    sheets: oneSheet('Improvement Plan', table([c('ref', 'Code'), c('action', 'Our commitments'), c('lead', 'Named lead', 'Delivery'), c('timescale', 'Target', 'Delivery'), c('status', 'Overall status', 'Monitoring'), c('rag', 'Traffic light', 'Monitoring'), c('progress', 'Update this quarter', 'Monitoring')], { refStyle: 'decimal' }), { title: 'short' }),
  },
  {
    id: 'groups-plan-over-ref-and-action',
    covers: 'a group header "Plan" over the ref and the action',
    sheets: oneSheet('Plan', table([c('ref', 'Line', 'Plan'), c('action', 'What needs to happen', 'Plan'), c('lead', 'Accountable manager', 'Accountability and timing'), c('timescale', 'Deliver by', 'Accountability and timing'), c('status', 'Stage')], { refStyle: 'theme' })),
  },
  {
    id: 'groups-position-and-assurance',
    covers: 'dated group header over status/RAG/update, and "Assurance" over measures/outcomes',
    sheets: oneSheet('Q2 position', table([c('action', 'Steps we will take'), c('lead', 'Owner(s)'), c('timescale', 'End date'), c('status', 'Status at Q2', 'Position at 30 September 2025'), c('rag', 'RAG at Q2', 'Position at 30 September 2025'), c('progress', 'Q2 update', 'Position at 30 September 2025'), c('measures', 'Success looks like', 'Assurance'), c('outcomes', 'What will be different', 'Assurance')], { ragFills: true })),
  },
  // --- Legends, keys, footers ------------------------------------------------------------------------------
  {
    id: 'legend-status-key-below',
    covers: 'a "Status key" block two rows below the table',
    sheets: oneSheet('Plan', table([c('ref', 'Action code'), c('action', 'Commitment'), c('lead', 'Resp.'), c('timescale', 'Completion by'), c('status', 'Overall status')], { refStyle: 'decimal' }), { legends: [{ kind: 'status-key', position: 'below' }] }),
  },
  {
    id: 'legend-rag-below-coloured',
    covers: 'a RAG legend with coloured cells below the table',
    sheets: oneSheet('Plan', table([c('ref', '#'), c('action', 'Agreed improvement'), c('lead', 'Named lead'), c('timescale', 'Target'), c('rag', 'Traffic light')], { refStyle: 'letter', ragFills: true }), { legends: [{ kind: 'rag-legend', position: 'below' }] }),
  },
  {
    id: 'legend-key-cells-above',
    covers: 'a row of coloured key cells above the header, under a title block',
    sheets: oneSheet('Plan', table([c('action', 'Our commitments'), c('lead', 'Accountable'), c('timescale', 'Delivery date'), c('rag', 'Delivery confidence')], { ragFills: true }), { title: 'full', legends: [{ kind: 'key-cells', position: 'above' }] }),
  },
  {
    id: 'legend-key-sentence-above',
    covers: 'a one-line status key above the header',
    sheets: oneSheet('Plan', table([c('ref', 'Code'), c('action', 'What needs to happen'), c('lead', 'Owner(s)'), c('status', 'Stage'), c('timescale', 'Tgt date')], { refStyle: 'code' }), { title: 'short', legends: [{ kind: 'key-sentence', position: 'above' }] }),
  },
  {
    id: 'legend-rag-beside',
    covers: 'a RAG legend beside the table, starting at the header row',
    sheets: oneSheet('Plan', table([c('ref', 'Line'), c('action', 'Steps we will take'), c('lead', 'Responsible director'), c('timescale', 'Target'), c('rag', 'Overall RAG')], { refStyle: 'decimal', ragFills: true }), { legends: [{ kind: 'rag-legend', position: 'beside' }] }),
  },
  {
    id: 'legend-status-key-beside',
    covers: 'a status key beside the table',
    sheets: oneSheet('Plan', table([c('action', 'Commitment'), c('lead', 'Who leads?'), c('timescale', 'When by?'), c('status', 'Where is it at?')]), { legends: [{ kind: 'status-key', position: 'beside' }] }),
  },
  {
    id: 'legend-key-sentence-below',
    covers: 'the one-line "Status key: On track / At risk / Off track / Complete" below the table',
    sheets: oneSheet('Plan', table([c('ref', 'Item number'), c('action', 'Our commitments'), c('lead', 'Action holder'), c('timescale', 'Completion by'), c('status', 'Delivery state')], { refStyle: 'decimal' }), { legends: [{ kind: 'key-sentence', position: 'below' }] }),
  },
  {
    id: 'legend-rag-above',
    covers: 'a RAG legend block (coloured cells with meanings) between the title and the header',
    sheets: oneSheet('Plan', table([c('ref', 'Plan reference number'), c('action', 'Agreed improvement'), c('lead', 'Senior responsible officer'), c('timescale', 'Expected completion'), c('rag', 'Delivery confidence')], { refStyle: 'theme', ragFills: true }), { title: 'short', legends: [{ kind: 'rag-legend', position: 'above' }] }),
  },
  {
    id: 'legend-key-cells-below',
    covers: 'a row of coloured key cells ("Key:" then one cell a colour) below the table',
    sheets: oneSheet('Plan', table([c('action', 'What needs to happen'), c('lead', 'Named lead'), c('timescale', 'Completion by'), c('status', 'Overall status'), c('rag', 'RAG at Q2')], { ragFills: true }), { legends: [{ kind: 'key-cells', position: 'below' }] }),
  },
  {
    id: 'legend-key-cells-beside',
    covers: 'a column of coloured key cells beside the table',
    sheets: oneSheet('Plan', table([c('ref', 'Code'), c('action', 'Commitment'), c('lead', 'Accountable'), c('timescale', 'Deliver by'), c('rag', 'Traffic light')], { refStyle: 'decimal', ragFills: true }), { legends: [{ kind: 'key-cells', position: 'beside' }] }),
  },
  {
    id: 'footer-date-after-theme-headings',
    covers: 'a page-footer date two rows below a table with theme heading rows',
    sheets: oneSheet('Plan', table([c('ref', 'Code'), c('action', 'What needs to happen'), c('lead', 'Accountable'), c('timescale', 'Target'), c('status', 'Overall status')], { refStyle: 'theme', themeHeadings: 'merged', actions: 9 }), { footers: ['date-cell'] }),
  },
  {
    id: 'footer-print-line-and-marking',
    covers: 'a print footer line (title, page, date) and a protective marking below the table',
    sheets: oneSheet('Plan', table([c('action', 'Agreed improvement'), c('lead', 'SRO'), c('timescale', 'End date'), c('status', 'Stage'), c('rag', 'R/A/G')], { ragFills: true }), { footers: ['print-line', 'marking'] }),
  },
  {
    id: 'footer-page-produced-printed',
    covers: 'page number, "Produced by" and "Printed" lines below the table',
    sheets: oneSheet('Plan', table([c('ref', '#'), c('action', 'Commitment'), c('lead', 'Owner(s)'), c('timescale', 'Deliver by')], { refStyle: 'alpha' }), { footers: ['page', 'produced-by', 'printed'] }),
  },
  // --- Notes and spacer columns -----------------------------------------------------------------------------
  {
    id: 'notes-column',
    covers: 'a notes column between the lead and the timescale',
    sheets: oneSheet('Plan', table([c('ref', 'Action code'), c('action', 'Our commitments'), c('lead', 'Named lead'), c('notes', 'Notes'), c('timescale', 'Completion by'), c('status', 'Overall status')], { refStyle: 'decimal' })),
  },
  {
    id: 'spacer-columns',
    covers: 'blank spacer columns between column groups, table starting in column B',
    sheets: oneSheet('Plan', table([c('ref', 'Line'), c('action', 'What needs to happen'), spacer(), c('lead', 'Resp.'), c('timescale', 'Tgt date'), spacer(), c('status', 'Stage'), c('rag', 'Traffic light')], { refStyle: 'decimal', firstCol: 2 })),
  },
  {
    id: 'notes-spacer-and-groups',
    covers: 'notes and spacer columns under merged group headers',
    sheets: oneSheet('Plan', table([c('action', 'Commitment'), spacer(), c('lead', 'Owner(s)', 'Delivery'), c('timescale', 'Target', 'Delivery'), spacer(), c('status', 'Overall status', 'Monitoring'), c('progress', 'Latest position', 'Monitoring'), c('notes', 'Officer notes')])),
  },
  {
    id: 'notes-dependencies-remarks',
    covers: 'two note-like columns ("Dependencies", "Remarks") beside the action',
    sheets: oneSheet('Plan', table([c('ref', 'Code'), c('notes', 'Dependencies'), c('action', 'Steps we will take'), c('notes', 'Remarks'), c('lead', 'Accountable'), c('timescale', 'Expected completion')], { refStyle: 'code' })),
  },
  // --- Two tables on a sheet; plans over several sheets ---------------------------------------------------------
  {
    id: 'two-tables-captioned',
    covers: 'two tables on one sheet, each with its own caption and header wording',
    sheets: oneSheet('Plan', [
      table([c('ref', 'Code'), c('action', 'Our commitments'), c('lead', 'Owner(s)'), c('timescale', 'Target'), c('status', 'Stage')], { refStyle: 'decimal', caption: 'Part A: actions from the CQC assessment', actions: 7 }),
      table([c('ref', '#'), c('action', 'What needs to happen'), c('lead', 'Accountable'), c('timescale', 'Completion by'), c('status', 'Overall status')], { refStyle: 'letter', caption: 'Part B: actions from the peer challenge', actions: 6 }),
    ]),
  },
  {
    id: 'two-tables-different-columns',
    covers: 'two tables on one sheet with different columns and order, and a legend below',
    sheets: oneSheet('Plan', [
      table([c('ref', 'Line'), c('action', 'Commitment'), c('lead', 'Named lead'), c('timescale', 'Deliver by'), c('rag', 'Traffic light')], { refStyle: 'decimal', actions: 6, ragFills: true }),
      table([c('lead', 'Responsible director'), c('action', 'Agreed improvement'), c('status', 'Delivery state'), c('timescale', 'End date')], { actions: 6 }),
    ], { legends: [{ kind: 'rag-legend', position: 'below' }] }),
  },
  {
    id: 'two-tables-no-captions',
    covers: 'two tables on one sheet separated only by blank rows',
    sheets: oneSheet('Plan', [
      table([c('action', 'Steps we will take'), c('lead', 'Resp.'), c('timescale', 'Tgt date'), c('status', 'Stat.')], { actions: 5 }),
      table([c('action', 'Steps we will take'), c('lead', 'Resp.'), c('timescale', 'Tgt date'), c('status', 'Stat.'), c('progress', 'Upd.')], { actions: 5 }),
    ]),
  },
  {
    id: 'split-sheets-status-key-each',
    covers: 'a plan split over three sheets, each with its own header and a status key below',
    sheets: ['Working with people', 'Providing support', 'Leadership'].map((name, i) => ({
      name,
      tables: [table([c('ref', 'Code'), c('action', 'Our commitments'), c('lead', 'Owner(s)'), c('timescale', 'Completion by'), c('status', 'Overall status')], { refStyle: 'theme', actions: 5 - (i % 2) })],
      legends: [{ kind: 'key-sentence', position: 'below' }],
    })),
  },
  {
    id: 'split-sheets-cover-and-key',
    covers: 'a cover sheet, two plan sheets and a key sheet that holds no actions',
    sheets: [
      { name: 'Cover', title: 'full', lines: ['Contents', '1. Working with people \u2013 sheet "Part 1"', '2. Ensuring safety \u2013 sheet "Part 2"', 'Key to ratings \u2013 sheet "Key"'], tables: [] },
      { name: 'Part 1', tables: [table([c('ref', 'Line'), c('action', 'What needs to happen'), c('lead', 'Accountable'), c('timescale', 'Target'), c('rag', 'Traffic light')], { refStyle: 'decimal', actions: 6, ragFills: true })] },
      { name: 'Part 2', tables: [table([c('ref', 'Line'), c('action', 'What needs to happen'), c('lead', 'Accountable'), c('timescale', 'Target'), c('rag', 'Traffic light')], { refStyle: 'decimal', actions: 6, ragFills: true })] },
      { name: 'Key', tables: [], legends: [{ kind: 'rag-legend', position: 'above' }, { kind: 'status-key', position: 'above' }] },
    ],
  },
  {
    id: 'split-sheets-different-headers',
    covers: 'a plan over two sheets whose headers are worded and ordered differently',
    sheets: [
      { name: 'Year 1', tables: [table([c('ref', 'Code'), c('action', 'Commitment'), c('lead', 'Named lead'), c('timescale', 'Delivery date'), c('status', 'Stage')], { refStyle: 'code', actions: 6 })] },
      { name: 'Year 2', tables: [table([c('lead', 'Who leads?'), c('action', 'What are we going to do?'), c('timescale', 'When by?'), c('status', 'How is it going?'), c('ref', 'Which item?')], { refStyle: 'decimal', actions: 6 })], footers: ['page'] },
    ],
  },
  // --- Themes -----------------------------------------------------------------------------------------------
  {
    id: 'theme-headings-merged',
    covers: 'theme heading rows merged across the table between groups of actions',
    sheets: oneSheet('Plan', table([c('ref', 'Action code'), c('action', 'Our commitments'), c('lead', 'Accountable manager'), c('timescale', 'Completion by'), c('status', 'Overall status')], { refStyle: 'decimal', themeHeadings: 'merged', actions: 10 })),
  },
  {
    id: 'theme-headings-bold',
    covers: 'bold theme labels in the first column, not merged',
    sheets: oneSheet('Plan', table([c('action', 'Steps we will take'), c('lead', 'Owner(s)'), c('timescale', 'Target'), c('rag', 'Overall RAG')], { themeHeadings: 'bold', actions: 9, ragFills: true })),
  },
  {
    id: 'theme-column-merged',
    covers: 'a theme column merged down over its actions',
    sheets: oneSheet('Plan', table([c('theme', 'Strand'), c('ref', 'Line'), c('action', 'What needs to happen'), c('lead', 'Named lead'), c('timescale', 'Deliver by'), c('status', 'Stage')], { refStyle: 'decimal', themeColumn: 'merged', actions: 9 })),
  },
  {
    id: 'theme-column-first-row-only',
    covers: 'a theme column filled only on the first action of each theme',
    sheets: oneSheet('Plan', table([c('theme', 'Strategic priority'), c('action', 'Commitment'), c('lead', 'Resp.'), c('timescale', 'Tgt date'), c('status', 'Stat.'), c('progress', 'Progress narrative')], { themeColumn: 'first-only', actions: 9 })),
  },
  // --- Inspection plans ------------------------------------------------------------------------------------
  {
    id: 'inspection-recommendation-is-action',
    covers: 'an inspection plan whose recommendation column is the action (no action column)',
    sheets: oneSheet('CQC action plan', table([c('ref', 'Code'), c('recommendation', 'What the inspectors said'), c('lead', 'Accountable'), c('timescale', 'Target'), c('status', 'Stage')], { refStyle: 'letter', actions: 8 }), { title: 'full' }),
  },
  {
    id: 'inspection-findings-questions',
    covers: 'inspection findings as the action, question-word headers, no refs',
    sheets: oneSheet('Findings', table([c('recommendation', 'What did CQC find?'), c('lead', 'Who is accountable?'), c('timescale', 'When by?'), c('progress', 'What has been done?')], { actions: 7 })),
  },
  {
    id: 'recommendation-and-response',
    covers: 'a recommendation merged over two responses: the responses are the actions',
    sheets: oneSheet('Response plan', table([c('ref', 'Item number'), c('recommendation', 'Peer challenge recommendation'), c('action', 'Our response'), c('lead', 'Named lead'), c('timescale', 'Delivery date'), c('status', 'Status at Q2')], { refStyle: 'decimal', actions: 8, responsesPerRecommendation: 2 })),
  },
  {
    id: 'recommendation-and-response-three',
    covers: 'recommendations over three responses each, theme headings, no refs',
    sheets: oneSheet('Response plan', table([c('recommendation', 'Area for improvement'), c('action', 'Steps we will take'), c('lead', 'Owner(s)'), c('timescale', 'Completion by'), c('rag', 'Traffic light')], { actions: 9, responsesPerRecommendation: 3, themeHeadings: 'merged', ragFills: true })),
  },
  // --- No refs, title blocks, sign-off ---------------------------------------------------------------------
  {
    id: 'no-refs-plain',
    covers: 'a plan with no refs at all',
    sheets: oneSheet('Plan', table([c('action', 'Agreed improvement'), c('lead', 'Responsible director'), c('timescale', 'Expected completion'), c('status', 'Overall status')], { actions: 10 })),
  },
  {
    id: 'no-refs-theme-headings-outcomes',
    covers: 'no refs, theme headings, outcomes and measures columns',
    sheets: oneSheet('Plan', table([c('action', 'Our commitments'), c('outcomes', 'Difference it will make'), c('measures', 'How we will measure it'), c('lead', 'Accountable'), c('timescale', 'Target')], { themeHeadings: 'merged', actions: 9 })),
  },
  {
    id: 'title-block-with-meta-row',
    covers: 'a title block with a "Prepared by / Last updated" row, and a status key above',
    sheets: oneSheet('Plan', table([c('ref', 'Code'), c('action', 'Commitment'), c('lead', 'Owner(s)'), c('timescale', 'Target'), c('status', 'Stage')], { refStyle: 'decimal' }), { title: 'with-meta-row', legends: [{ kind: 'status-key', position: 'above' }] }),
  },
  {
    id: 'sign-off-lines',
    covers: 'version, "Signed off by … Date" and document-owner lines below the table',
    sheets: oneSheet('Plan', table([c('ref', 'Line'), c('action', 'What needs to happen'), c('lead', 'Accountable manager'), c('timescale', 'Completion by'), c('status', 'Overall status')], { refStyle: 'decimal' }), { title: 'short', signOff: ['version', 'signed-off', 'document-owner'] }),
  },
  {
    id: 'alpha-refs-theme-headings',
    covers: 'a/b/c refs under theme heading rows',
    sheets: oneSheet('Plan', table([c('ref', 'Item number'), c('action', 'Steps we will take'), c('lead', 'SRO'), c('timescale', 'Deliver by'), c('status', 'Delivery state')], { refStyle: 'alpha', themeHeadings: 'merged', actions: 9 })),
  },
  {
    id: 'date-cells-completion-by',
    covers: 'real date cells under "Completion by", status and RAG both present',
    sheets: oneSheet('Plan', table([c('ref', 'Code'), c('action', 'Our commitments'), c('lead', 'Named lead'), c('timescale', 'Completion by'), c('status', 'Stage'), c('rag', 'Traffic light')], { refStyle: 'decimal', timescaleForms: ['date-cell'], ragFills: true })),
  },
  {
    id: 'quarters-and-financial-years',
    covers: 'quarters, financial years and "Ongoing" under "Target"',
    sheets: oneSheet('Plan', table([c('ref', 'Line'), c('action', 'Commitment'), c('lead', 'Resp.'), c('timescale', 'Target'), c('status', 'Overall status')], { refStyle: 'decimal', timescaleForms: ['quarter', 'financial-year', 'ongoing'], actions: 10 })),
  },
  {
    id: 'long-text-columns-around-action',
    covers: 'measures, outcomes and progress (all long text) on both sides of the action',
    sheets: oneSheet('Plan', table([c('measures', 'Success looks like'), c('action', 'What needs to happen'), c('outcomes', 'Expected impact'), c('lead', 'Owner(s)'), c('timescale', 'Target'), c('progress', 'Where we are now')])),
  },
  // --- More header forms, refs as numbers, tables that are not plans, a long plan ---------------------------------
  {
    id: 'unlabelled-ref-column',
    covers: 'the ref column has no header, only refs (1.1, 1.2 …) below an empty cell',
    sheets: oneSheet('Plan', table([c('ref', ''), c('action', 'Our commitments'), c('lead', 'Accountable'), c('timescale', 'Target'), c('status', 'Stage')], { refStyle: 'decimal', themeHeadings: 'merged', actions: 9 })),
  },
  {
    id: 'wrapped-headers',
    covers: 'headers broken over two lines inside the cell',
    sheets: oneSheet('Plan', table([c('ref', 'Item\nnumber'), c('action', 'What needs\nto happen'), c('lead', 'Responsible\ndirector'), c('timescale', 'Completion\nby'), c('status', 'Overall\nstatus')], { refStyle: 'decimal' })),
  },
  {
    id: 'headers-with-hints',
    covers: 'headers carrying a hint in brackets or after a dash, and a status key below',
    sheets: oneSheet('Plan', table([c('action', 'Our commitments (one per row)'), c('lead', 'Owner(s) \u2013 name and job title'), c('timescale', 'Target (dd/mm/yyyy or quarter)'), c('status', 'Overall status (see key)'), c('rag', 'Traffic light (B/G/A/R)')], { ragFills: true }), { legends: [{ kind: 'status-key', position: 'below' }] }),
  },
  {
    id: 'numeric-refs',
    covers: 'refs 1, 2, 3 held as numbers, not text',
    sheets: oneSheet('Plan', table([c('ref', 'Item number'), c('action', 'Agreed improvement'), c('lead', 'Dept. lead'), c('timescale', 'Tgt date'), c('outcomes', 'Exp. outcome'), c('status', 'Stage')], { refStyle: 'number', actions: 10 })),
  },
  {
    id: 'guidance-and-history-sheets',
    covers: 'a guidance sheet (column, what to put in it) and a version-history sheet beside the plan',
    sheets: [
      { name: 'Guidance', tables: [], title: 'short', extras: ['guidance'] },
      { name: 'Plan', tables: [table([c('ref', 'Code'), c('action', 'Our commitments'), c('lead', 'Owner(s)'), c('timescale', 'Completion by'), c('status', 'Overall status'), c('rag', 'Traffic light')], { refStyle: 'decimal', ragFills: true })] },
      { name: 'Version history', tables: [], extras: ['version-history'] },
    ],
  },
  {
    id: 'version-history-below-plan',
    covers: 'a version-control table (version, date, author, changes) below the plan on the same sheet',
    sheets: oneSheet('Plan', table([c('action', 'Commitment'), c('lead', 'Named lead'), c('timescale', 'Delivery date'), c('status', 'Delivery state')], { actions: 9 }), { title: 'full', extras: ['version-history'] }),
  },
  {
    id: 'long-plan',
    covers: 'a longer plan: 40 actions under five theme headings',
    sheets: oneSheet('Plan', table([c('ref', 'Line'), c('action', 'Steps we will take'), c('lead', 'Accountable'), c('timescale', 'Target'), c('status', 'Where is it at?'), c('progress', 'Q2 update')], { refStyle: 'decimal', themeHeadings: 'merged', groups: 5, actions: 40 })),
  },
  {
    id: 'milestone-rows-merged',
    covers: 'each action over three rows, one checkpoint a row, its other cells merged down',
    sheets: oneSheet('Plan', table([c('ref', 'Code'), c('action', 'Our commitments'), c('milestones', 'Checkpoints'), c('lead', 'Owner(s)'), c('timescale', 'Completion by'), c('status', 'Overall status')], { refStyle: 'decimal', milestoneRows: 3, mergeActionRows: true, actions: 6 })),
  },
  {
    id: 'milestone-rows-unmerged',
    covers: 'each action over two rows, its cells on the first row only, the rows below holding checkpoints',
    sheets: oneSheet('Plan', table([c('action', 'What needs to happen'), c('milestones', 'Interim targets'), c('lead', 'Accountable'), c('timescale', 'Target'), c('rag', 'Traffic light')], { milestoneRows: 2, actions: 7, ragFills: true })),
  },
  {
    id: 'milestones-one-cell-no-timescale',
    covers: 'checkpoints listed in one cell, no timescale column, question headers',
    sheets: oneSheet('Plan', table([c('ref', 'Which item?'), c('action', 'What are we going to do?'), c('milestones', 'What are the steps?'), c('lead', 'Who leads?'), c('status', 'How is it going?')], { refStyle: 'letter' })),
  },
  {
    id: 'kitchen-sink',
    covers: 'title block, key cells above, groups, spacer, notes, theme headings, legend beside, sign-off and footers',
    sheets: oneSheet('Plan', table([c('ref', 'Code', 'Plan'), c('action', 'Our commitments', 'Plan'), spacer(), c('lead', 'Accountable', 'Delivery'), c('timescale', 'Completion by', 'Delivery'), c('status', 'Stage', 'Monitoring'), c('rag', 'Traffic light', 'Monitoring'), c('notes', 'Notes')], { refStyle: 'theme', themeHeadings: 'merged', actions: 12, ragFills: true, firstCol: 2 }), {
      title: 'full',
      legends: [{ kind: 'key-cells', position: 'above' }, { kind: 'status-key', position: 'beside' }, { kind: 'rag-legend', position: 'below' }],
      signOff: ['signed-off'],
      footers: ['print-line'],
    }),
  },
];

/** The catalogue, each layout with its own seed so its content differs from the others'. */
export const CATALOGUE: LayoutPlan[] = ENTRIES.map((entry, i) => ({ ...entry, seed: 1000 + i }));
