/**
 * Realistic adult-social-care plan content, and the truth each cell stands for: commitments as actions, names and
 * job titles as leads, UK timescales (dates, months, quarters, financial years, "Ongoing") with the due date each
 * means, and statuses and RAG ratings in the varied words officers use, with the canonical value each means.
 */
import { Random } from './random';

export type Status = 'Not started' | 'In progress' | 'On track' | 'At risk' | 'Off track' | 'Complete';
export type Rag = 'Blue' | 'Green' | 'Amber' | 'Red' | 'Grey';

/** Commitments, each a sentence an officer would write as one action. Distinct, so an action is found by its text. */
export const COMMITMENTS: readonly string[] = [
  'Reduce the waiting list for Care Act assessments so that no one waits more than 28 days',
  'Publish a carers\u2019 strategy co-produced with the Carers\u2019 Partnership Board',
  'Introduce a single front door for information and advice, with a named worker for each enquiry',
  'Review every direct payment agreement older than two years and offer a personal assistant register',
  'Train all frontline staff in strengths-based practice, with refresher sessions every year',
  'Agree a joint hospital discharge pathway with the acute trust and community health provider',
  'Set up a quarterly practice audit of safeguarding enquiries, led by the Principal Social Worker',
  'Commission an independent advocacy service that covers Care Act and Mental Capacity Act advocacy',
  'Recruit and retain approved mental health professionals to reach a full rota by the end of the year',
  'Launch a market position statement for older people\u2019s residential and nursing care',
  'Replace the paper-based financial assessment with an online self-assessment form',
  'Bring the transitions protocol for young people moving from children\u2019s services into one agreed document',
  'Carry out a deep dive into the experience of people from Black, Asian and minority ethnic communities',
  'Put in place a workforce development plan for social workers and occupational therapists',
  'Reduce the number of reviews that are overdue by half, starting with people in residential care',
  'Extend the reablement service to weekends so that discharges are not delayed',
  'Hold co-production sessions with people who draw on care to redesign the annual review letter',
  'Establish a Making Safeguarding Personal feedback survey for every closed enquiry',
  'Agree fee uplifts with home care providers and publish the cost of care exercise',
  'Develop an accessible easy-read version of the charging policy',
  'Improve the recording of people\u2019s outcomes in the case management system',
  'Create a provider quality dashboard shared monthly with the Integrated Care Board',
  'Run a recruitment campaign for shared lives carers in the north of the borough',
  'Review the DoLS backlog and prioritise applications using the ADASS screening tool',
  'Embed learning from safeguarding adult reviews through practice briefings and audits',
  'Introduce technology-enabled care as a first offer at every new assessment',
  'Agree a joint commissioning plan for learning disability and autism services',
  'Reduce the use of short-term residential placements for people leaving hospital',
  'Publish performance against the Adult Social Care Outcomes Framework to scrutiny every quarter',
  'Set up a carers\u2019 assessment hub with the voluntary sector to clear the waiting list',
  'Map unpaid carers known to GP practices and offer each a carer\u2019s assessment',
  'Refresh the quality assurance framework and report findings to the Adult Social Care leadership team',
  'Improve the timeliness of occupational therapy assessments for equipment and adaptations',
  'Work with housing to increase extra care and supported living places',
  'Strengthen the approach to self-neglect and hoarding through a multi-agency protocol',
  'Deliver a programme of leadership development for team managers and senior practitioners',
  'Embed the voice of people with lived experience in the governance of the improvement board',
  'Introduce a complaints learning log and report themes to the directorate management team',
  'Review the out-of-hours emergency duty service and agree a new operating model',
  'Develop a prevention offer with public health focused on falls and frailty',
  'Agree a protocol with the police and health partners for responding to concerns about people in crisis',
  'Increase the uptake of direct payments among carers and people under 65',
  'Reconcile the provider payments backlog and move to payment on actuals',
  'Set up a waiting well offer so that people waiting for an assessment are contacted every month',
  'Carry out an annual equality impact assessment of the adult social care charging policy',
  'Design a career pathway for social care assistants into qualified social work',
  'Produce a joint strategic needs assessment chapter on adults with care and support needs',
  'Pilot community-led support hubs in two localities and evaluate the results',
];

/** Bullet points officers put under a commitment in the same cell. */
export const BULLETS: readonly string[] = [
  'weekly triage of new referrals',
  'agreed with partners at the Improvement Board',
  'co-produced with people who draw on care',
  'reported to scrutiny each quarter',
  'funded from the Market Sustainability and Improvement Fund',
  'training for team managers first',
];

/** Findings and recommendations as inspectors and peer teams write them. */
export const RECOMMENDATIONS: readonly string[] = [
  'The council should reduce waiting times for assessments and reviews, and keep people safe while they wait',
  'Unpaid carers did not always know about or receive a carer\u2019s assessment',
  'Leaders should strengthen oversight of the quality of commissioned services',
  'People reported that information and advice were hard to find and not always accessible',
  'Transitions from children\u2019s to adult services were not consistently well planned',
  'The local authority should improve how it learns from safeguarding adult reviews',
  'Partnership working with health on hospital discharge needs to be more consistent',
  'Staff described high caseloads and limited access to supervision',
  'The council should make better use of data to understand outcomes and inequalities',
  'Co-production with people who draw on care is not yet embedded in decision making',
  'There was a backlog of Deprivation of Liberty Safeguards applications awaiting assessment',
  'Market sustainability plans did not yet address gaps in home care in rural areas',
  'Waiting times for occupational therapy assessments were long in some localities',
  'People who fund their own care were not always offered information and advice',
  'The council did not have a clear picture of the needs of unpaid carers',
  'Practice audits did not routinely look at the quality of recording',
  'The local authority should ensure that annual reviews take place on time',
  'Leaders should make sure staff have regular supervision and manageable caseloads',
  'Not all safeguarding concerns were screened within the agreed timescale',
  'Support for people with a learning disability moving into adulthood should be more joined up',
  'The council should strengthen its approach to preventing people from needing care',
  'The impact of the improvement plan was not yet being measured',
  'Partners said communication from adult social care was inconsistent',
  'Direct payments uptake was low and the process was described as complicated',
];

/** Leads as plans write them: job titles, names with titles, teams, two people. */
export const LEADS: readonly string[] = [
  'Head of Adult Safeguarding',
  'Principal Social Worker',
  'Director of Adult Social Services',
  'AD Commissioning & Partnerships',
  'Priya Desai, Head of Quality Assurance',
  'Tom Reilly (Service Manager \u2013 Reablement)',
  'Workforce Development Lead',
  'Carers Lead \u2013 M. Osei',
  'Head of Business Intelligence',
  'Mental Health Service Manager',
  'Hannah Lowe / Gareth Pryce',
  'Chief Officer, Place',
  'Sam Whitfield',
  'Head of Provider Services',
  'Lead Occupational Therapist',
];

export const THEMES: readonly string[] = [
  'Working with people',
  'Providing support',
  'Ensuring safety within the system',
  'Leadership',
  'Carers and unpaid support',
  'Prevention and early help',
  'Workforce',
  'Market shaping and commissioning',
];

/** How a theme heading row is worded, given the theme and its number. */
export const THEME_HEADING_FORMS: readonly ((theme: string, n: number) => string)[] = [
  (t, n) => `Theme ${n} \u2013 ${t}`,
  (t, n) => `PRIORITY ${n}: ${t.toUpperCase()}`,
  (t) => t,
  (t, n) => `Section ${String.fromCharCode(64 + n)} \u00b7 ${t}`,
  (t, n) => `${n}. ${t}`,
];

export const PROGRESS: readonly string[] = [
  'Scoping complete; project group met in October and agreed terms of reference.',
  'Draft shared with partners for comment; sign-off expected at the next board.',
  'Recruitment under way; two of four posts filled, interviews for the rest in January.',
  'Pilot running in the east locality since September; early feedback positive.',
  'Delayed by system upgrade; revised plan agreed with the programme board.',
  'Policy approved at Cabinet and published on the council website.',
  'Audit of 40 cases completed; findings reported to the quality board.',
  'Awaiting data from the ICB before the baseline can be set.',
  'Procurement completed and contract awarded; mobilisation from 1 February.',
  'Workshops held with people with lived experience; themes being written up.',
];

export const MEASURES: readonly string[] = [
  'Median wait for assessment (days), reported monthly',
  'Percentage of carers offered an assessment within 28 days',
  'Number of reviews overdue by more than 12 months',
  'ASCOF 1I(2): proportion of carers with as much social contact as they would like',
  'Percentage of safeguarding enquiries where outcomes were fully or partly achieved',
  'Staff vacancy and turnover rates, by team',
  'ASCOF 2B(1): older people at home 91 days after discharge into reablement',
  'Number of people using direct payments',
];

export const OUTCOMES: readonly string[] = [
  'People get timely support and do not reach crisis while waiting',
  'Carers feel recognised and supported to keep caring if they choose',
  'Residents can find what they need first time, in a format that works for them',
  'Young people move into adulthood with a plan they helped to write',
  'People feel safe and their wishes shape safeguarding responses',
  'A stable workforce with manageable caseloads',
  'More people stay independent at home after a hospital stay',
];

export const NOTES: readonly string[] = [
  'Linked to Better Care Fund plan',
  'Depends on ICB funding decision',
  'Also reported to Health and Wellbeing Board',
  'Carried forward from 2024/25 plan',
  'Budget approved',
  'See risk register R12',
];

/** A status as written, with the canonical status it means. */
export const STATUS_WORDS: Record<Status, readonly string[]> = {
  'Not started': ['Not started', 'Not yet started', 'NOT STARTED', 'To start', 'Yet to start'],
  'In progress': ['In progress', 'Underway', 'In Progress', 'Work in progress', 'Progressing'],
  'On track': ['On track', 'On Track', 'ON TRACK', 'On target', 'On schedule'],
  'At risk': ['At risk', 'At Risk', 'Slipping', 'Behind schedule'],
  'Off track': ['Off track', 'Off Track', 'Stalled', 'Not on track'],
  Complete: ['Complete', 'Completed', 'Done', 'Achieved', 'Delivered'],
};

/** The RAG an officer would give each status (Blue for complete, Grey for not started). */
export const RAG_FOR_STATUS: Record<Status, Rag> = {
  'Not started': 'Grey',
  'In progress': 'Green',
  'On track': 'Green',
  'At risk': 'Amber',
  'Off track': 'Red',
  Complete: 'Blue',
};

export const RAG_WORDS: Record<Rag, readonly string[]> = {
  Blue: ['Blue', 'B', 'BLUE'],
  Green: ['Green', 'G', 'GREEN'],
  Amber: ['Amber', 'A', 'AMBER'],
  Red: ['Red', 'R', 'RED'],
  Grey: ['Grey', 'Gray'],
};

/** GOV.UK light tints (domain notes), as ARGB for the cell fill. */
export const RAG_FILL: Record<Rag, string> = {
  Blue: 'FFD2E2F1',
  Green: 'FFCFE4DC',
  Amber: 'FFFDE4D7',
  Red: 'FFF4D7D7',
  Grey: 'FFE5E5E5',
};

export type TimescaleForm = 'date-cell' | 'date-text' | 'month' | 'end-month' | 'quarter' | 'financial-year' | 'short-month' | 'day-month' | 'ongoing' | 'tbc';
export const TIMESCALE_FORMS: readonly TimescaleForm[] = ['date-cell', 'date-text', 'month', 'end-month', 'quarter', 'financial-year', 'short-month', 'day-month', 'ongoing', 'tbc'];

/** A timescale cell: a real date or text, and the due date it means (null for "Ongoing" and "TBC"). */
export interface Timescale {
  value: string | Date;
  due: string | null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

function iso(year: number, month0: number, day: number): string {
  return `${year}-${pad(month0 + 1)}-${pad(day)}`;
}

/** A timescale in the given form, for a month between April 2025 and March 2027. */
export function timescale(form: TimescaleForm, rnd: Random): Timescale {
  const offset = rnd.int(24);
  const year = 2025 + Math.floor((3 + offset) / 12);
  const month0 = (3 + offset) % 12;
  const end = lastDay(year, month0);
  const fyStart = month0 >= 3 ? year : year - 1;
  switch (form) {
    case 'date-cell':
      return { value: new Date(Date.UTC(year, month0, end)), due: iso(year, month0, end) };
    case 'date-text':
      return { value: `${pad(end)}/${pad(month0 + 1)}/${year}`, due: iso(year, month0, end) };
    case 'month':
      return { value: `${MONTH_NAMES[month0]} ${year}`, due: iso(year, month0, end) };
    case 'end-month':
      return { value: `End ${SHORT_MONTHS[month0]} ${year}`, due: iso(year, month0, end) };
    case 'short-month':
      return { value: `${SHORT_MONTHS[month0].slice(0, 3)}-${String(year).slice(2)}`, due: iso(year, month0, end) };
    case 'day-month': {
      const day = 1 + rnd.int(end);
      return { value: `${day} ${MONTH_NAMES[month0]} ${year}`, due: iso(year, month0, day) };
    }
    case 'quarter': {
      // Financial-year quarters: Q1 is April to June.
      const q = Math.floor(((month0 + 9) % 12) / 3) + 1;
      const qEndMonth0 = (3 + q * 3 - 1) % 12;
      const qEndYear = q === 4 ? fyStart + 1 : fyStart;
      return { value: `Q${q} ${fyStart}/${String(fyStart + 1).slice(2)}`, due: iso(qEndYear, qEndMonth0, lastDay(qEndYear, qEndMonth0)) };
    }
    case 'financial-year':
      return { value: `${fyStart}/${String(fyStart + 1).slice(2)}`, due: iso(fyStart + 1, 2, 31) };
    case 'ongoing':
      return { value: rnd.pick(['Ongoing', 'On-going']), due: null };
    case 'tbc':
      return { value: rnd.pick(['TBC', 'To be confirmed']), due: null };
  }
}

/** A ref in one of the styles real plans use, for action `i` (0-based) of group `g` (0-based). */
/** 'number' is a plain 1, 2, 3 held as a number cell, as many plans keep it. */
export type RefStyle = 'decimal' | 'theme' | 'letter' | 'alpha' | 'code' | 'number';
export const REF_STYLES: readonly RefStyle[] = ['decimal', 'theme', 'letter', 'alpha', 'code', 'number'];

export function ref(style: RefStyle, g: number, i: number, overall: number): string {
  switch (style) {
    case 'decimal':
      return `${g + 1}.${i + 1}`;
    case 'theme':
      return `T${g + 1}.${i + 1}`;
    case 'letter':
      return `R${overall + 1}`;
    case 'alpha':
      // a … z, then aa, ab …
      return (overall >= 26 ? String.fromCharCode(96 + Math.floor(overall / 26)) : '') + String.fromCharCode(97 + (overall % 26));
    case 'code':
      return `ASC-${pad(overall + 1)}`;
    case 'number':
      return String(overall + 1);
  }
}

export const COUNCILS: readonly string[] = ['Harrowfield Borough Council', 'Westmarsh County Council', 'Kingsbridge Vale Council', 'Northfleet City Council', 'Ashcombe Metropolitan Borough Council'];

const STEPS: readonly string[] = [
  'Project group set up', 'Baseline agreed', 'Draft to DMT', 'Consultation with people who draw on care', 'Pilot in one locality',
  'Evaluation report', 'Sign-off at Cabinet', 'Staff briefings', 'Go live', 'First audit of practice',
];

/**
 * `n` checkpoints in order, each with a month ("Draft to DMT \u2013 Feb 2026"), two months apart and ending the
 * month before `due` when the action has a due date, as a plan's checkpoints lead up to its completion.
 */
export function milestones(rnd: Random, n: number, due: string | null): string[] {
  // Months counted from April 2025 (0).
  const dueIndex = due ? (Number(due.slice(0, 4)) - 2025) * 12 + Number(due.slice(5, 7)) - 4 : 6 + rnd.int(12);
  return rnd.shuffle(STEPS).slice(0, n).map((step, k) => {
    const offset = Math.max(0, dueIndex - 1 - (n - 1 - k) * 2);
    const month = (3 + offset) % 12;
    const year = 2025 + Math.floor((3 + offset) / 12);
    return `${step} \u2013 ${SHORT_MONTHS[month].slice(0, 3)} ${year}`;
  });
}
