/**
 * Rules about status and RAG: words not recognised, a RAG that contradicts the status or dates, Complete with no
 * evidence, and a milestone or progress that says done while the status does not.
 */
import { Rag, Status } from '../../schema';
import { nearestStatus } from '../../vocabulary';
import { actionLabel, collect, errorFields, EXPECTED_RAG, fallbackCell, hasUnrecognisedStatus, isOverdue, nearestRag, snippet, STATUS_LIST } from '../helpers';
import { ukDate } from '../../uk-date';
import { completionClaim } from '../completion-claim';
import { defineRule } from '../rule-shape';

export const invalidStatus = defineRule<{ who: string; text: string; nearest: Status }>({
  id: 'invalid-status',
  defaultSeverity: 'error',
  title: 'Status not recognised',
  checks:
    `The status cell holds text that is not a status PlanAssure knows (${STATUS_LIST}, or a common synonym such as ` +
    '“Completed” or “To be started”, also at the end of a longer note: “… -On Track”). Suggests the nearest status.',
  message: (p) => `${p.who} has the status “${snippet(p.text, 60)}”, which is not a recognised status (${STATUS_LIST}).`,
  fix: (p) => `Change it to “${p.nearest}”, or another status from the list.`,
  example: { who: 'Action ES3.1 (row 16)', text: 'Compleated', nearest: 'Complete' },
  find: (context) =>
    collect(context, (a) => {
      const cell = a.cells.get('status');
      return a.statusText && hasUnrecognisedStatus(a) && cell && !errorFields(a).has('status')
        ? { sheet: a.source.sheet, cell, params: { who: actionLabel(a), text: a.statusText, nearest: nearestStatus(a.statusText) } }
        : null;
    }),
});

export const invalidRag = defineRule<{ who: string; text: string; nearest: Rag }>({
  id: 'invalid-rag',
  defaultSeverity: 'error',
  title: 'RAG not recognised',
  checks: 'The RAG cell holds something other than Blue, Green, Amber, Red or Grey (or B, G, A, R).',
  message: (p) => `${p.who} has the RAG “${snippet(p.text, 40)}”, which is not Blue, Green, Amber, Red or Grey.`,
  fix: (p) => `Change it to “${p.nearest}”, or another of Blue, Green, Amber, Red and Grey.`,
  example: { who: 'Action 2.1 (row 9)', text: 'Ambr', nearest: 'Amber' },
  find: (context) =>
    collect(context, (a) => {
      const cell = a.cells.get('rag');
      return a.ragText && a.rag === null && cell && !errorFields(a).has('rag')
        ? { sheet: a.source.sheet, cell, params: { who: actionLabel(a), text: a.ragText, nearest: nearestRag(a.ragText) } }
        : null;
    }),
});


export const ragInconsistent = defineRule<{ who: string; rag: Rag; reason: string; expected: Rag }>({
  id: 'rag-inconsistent',
  defaultSeverity: 'warning',
  title: 'RAG contradicts the status or dates',
  checks:
    'An entered RAG disagrees with the action’s status or due date: Green, Amber or Grey but overdue; Blue but not ' +
    'Complete; Red, Amber or Grey but Complete; Green but At risk or Off track; Red but On track and not overdue. ' +
    'Rules about Blue apply only while the plan’s RAG legend says Blue means complete.',
  message: (p) => `${p.who} is rated ${p.rag}, but ${p.reason}.`,
  fix: (p) => `Change the RAG to ${p.expected}, or correct the status or date if the RAG is right.`,
  example: { who: 'Action WP1.6 (row 7)', rag: 'Green', reason: 'it was due on 30/09/2025 and is not Complete', expected: 'Red' },
  find: (context) => {
    const blueIsComplete = /complet/i.test(context.settings.ragLegend.Blue ?? 'Complete');
    const doneRag: Rag = blueIsComplete ? 'Blue' : 'Green';
    return collect(context, (a) => {
      const cell = a.cells.get('rag');
      if (!a.rag || !cell) return null;
      const late = isOverdue(a, context.today);
      let reason: string | null = null;
      let expected: Rag | null = null;
      if ((a.rag === 'Green' || a.rag === 'Amber' || a.rag === 'Grey') && late) {
        reason = `it was due on ${ukDate(a.dueDate!)} and is not Complete`;
        expected = 'Red';
      } else if (a.rag === 'Blue' && blueIsComplete && a.status && a.status !== 'Complete') {
        reason = `its status is ${a.status}, not Complete`;
        expected = EXPECTED_RAG[a.status];
      } else if ((a.rag === 'Red' || a.rag === 'Amber' || a.rag === 'Grey') && a.status === 'Complete') {
        reason = 'its status is Complete';
        expected = doneRag;
      } else if (a.rag === 'Green' && (a.status === 'Off track' || a.status === 'At risk')) {
        reason = `its status is ${a.status}`;
        expected = EXPECTED_RAG[a.status];
      } else if (a.rag === 'Red' && a.status === 'On track' && !late) {
        reason = 'its status is On track and it is not overdue';
        expected = 'Green';
      }
      return reason && expected ? { sheet: a.source.sheet, cell, params: { who: actionLabel(a), rag: a.rag, reason, expected } } : null;
    });
  },
});

export const completeWithoutEvidence = defineRule<{ who: string; hasColumn: boolean }>({
  id: 'complete-without-evidence',
  defaultSeverity: 'info',
  title: 'Complete with no progress or evidence',
  checks:
    'The action is Complete but has no progress update or evidence text. Points at the empty progress cell, or at the ' +
    'status cell where the sheet has no progress column.',
  message: (p) => `${p.who} is marked Complete but has no progress update or evidence${p.hasColumn ? '' : ' (the sheet has no progress column)'}.`,
  fix: (p) =>
    p.hasColumn
      ? 'Say in the progress cell what was delivered and where the evidence is kept.'
      : 'Add a “Progress” column and say what was delivered and where the evidence is kept.',
  example: { who: 'Action PS2.3 (row 13)', hasColumn: true },
  find: (context) =>
    collect(context, (a) => {
      if (a.status !== 'Complete' || a.progress) return null;
      const progressCell = a.cells.get('progress');
      const cell = progressCell ?? a.cells.get('status') ?? a.cells.get('timescale') ?? fallbackCell(a);
      return { sheet: a.source.sheet, cell, params: { who: actionLabel(a), hasColumn: !!progressCell } };
    }),
});

/** The fields an officer records completion in, in the order a message names them. */
const COMPLETION_FIELDS = [
  ['milestones', 'milestones'],
  ['timescale', 'timescale'],
  ['progress', 'progress update'],
] as const;

export const completionContradictsStatus = defineRule<{ who: string; claim: string; field: string; status: Status }>({
  id: 'completion-contradicts-status',
  defaultSeverity: 'warning',
  title: 'Says it is done, but the status says otherwise',
  checks:
    'A milestone, timescale or progress line says the action is finished (only “Completed”, “Complete”, “Done”, ' +
    '“Achieved”, “Delivered” or “Finished”, perhaps with a date: “Completed March 2023”), while the status cell ' +
    'holds a recognised status other than Complete. A line that says more (“Complete the strategy”, “Completed phase ' +
    'one; phase two under way”) is not read as a claim. Points at the status cell.',
  message: (p) => `${p.who} has “${snippet(p.claim, 40)}” in its ${p.field}, but its status is ${p.status}.`,
  fix: (p) => `If the action is finished, set the status to Complete; if it is not, change the ${p.field} to say what is still to be done and by when.`,
  example: { who: 'Action T3.3 (row 30)', claim: 'Completed', field: 'milestones', status: 'On track' },
  find: (context) =>
    collect(context, (a) => {
      const cell = a.cells.get('status');
      if (!a.status || a.status === 'Complete' || !cell || errorFields(a).has('status')) return null;
      for (const [field, words] of COMPLETION_FIELDS) {
        const claim = completionClaim(a[field]);
        if (claim) return { sheet: a.source.sheet, cell, params: { who: actionLabel(a), claim, field: words, status: a.status } };
      }
      return null;
    }),
});
