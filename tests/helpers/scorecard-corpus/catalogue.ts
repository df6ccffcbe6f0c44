/**
 * The measures a scorecard in the corpus can hold: ASCOF measures in both numberings (codes, units and polarity as in
 * /work/shared/domain.md and src/engine/ascof.ts) and councils' own local and old National Indicator (NI) measures.
 *
 * `cue` says whether the measure's own words show its polarity: by the issue's list (delays, waits, complaints,
 * "not in …", re-referrals are lower-is-better; satisfaction, "still at home", "receiving …" higher-is-better), or by
 * words any reader takes the same way (staff turnover and admissions to care homes are lower-is-better; quality of
 * life, control over daily life, feeling safe, paid employment and living in one's own home higher-is-better: a tool
 * that reads them so is right, and must not be made to ask). It decides, with the layout, whether the truth says the
 * polarity can be known from the sheet.
 */
import { KpiUnit, Polarity } from '../../../src/engine/schema';

export interface Measure {
  key: string;
  /** The measure as a council names it, without any code. */
  name: string;
  unit: KpiUnit;
  polarity: Polarity;
  /** The name's own words show the polarity (see the module comment). */
  cue: boolean;
  /** Its code in the pre-2023 ASCOF framework, if any. */
  ascofPre2023?: string;
  /** Its code in the ASCOF framework from 2023-24, if any. */
  ascofCurrent?: string;
  /** An old National Indicator number ("NI 130") or a council's local code. */
  localCode?: string;
  /** A plausible range of values, in the unit (a percentage as 75.2, not 0.752). */
  range: [number, number];
  /** Decimal places officers show. */
  decimals: number;
  /** Money, written "£1.2m" when typed as text. */
  money?: boolean;
}

const pct = 'percentage' as const;
const rate = 'rate per 100,000' as const;

export const MEASURES: readonly Measure[] = [
  // ASCOF, in both numberings where the measure continued.
  { key: 'qol', name: 'Social care-related quality of life score', unit: 'score', polarity: 'higher', cue: true, ascofPre2023: '1A', ascofCurrent: '1A', range: [18.2, 19.8], decimals: 1 },
  { key: 'control', name: 'Proportion of people who use services who have control over their daily life', unit: pct, polarity: 'higher', cue: true, ascofPre2023: '1B', range: [70, 82], decimals: 1 },
  { key: 'sds', name: 'Proportion of people receiving self-directed support', unit: pct, polarity: 'higher', cue: true, ascofPre2023: '1C(1A)', range: [88, 99], decimals: 1 },
  { key: 'dp', name: 'Proportion of people receiving direct payments', unit: pct, polarity: 'higher', cue: true, ascofPre2023: '1C(2A)', range: [22, 34], decimals: 1 },
  { key: 'ldwork', name: 'Adults with a learning disability in paid employment', unit: pct, polarity: 'higher', cue: true, ascofPre2023: '1E', range: [3, 9], decimals: 1 },
  { key: 'ldhome', name: 'Adults with a learning disability who live in their own home or with their family', unit: pct, polarity: 'higher', cue: true, ascofPre2023: '1G', ascofCurrent: '2E', range: [74, 90], decimals: 1 },
  { key: 'adm1864', name: 'Long-term support needs of younger adults (18-64) met by admission to residential and nursing care homes, per 100,000 population', unit: rate, polarity: 'lower', cue: true, ascofPre2023: '2A(1)', ascofCurrent: '2B', range: [9, 22], decimals: 1 },
  { key: 'adm65', name: 'Long-term support needs of older adults (65 and over) met by admission to residential and nursing care homes, per 100,000 population', unit: rate, polarity: 'lower', cue: true, ascofPre2023: '2A(2)', ascofCurrent: '2C', range: [420, 720], decimals: 1 },
  { key: 'reable', name: 'Older people (65 and over) who were still at home 91 days after discharge from hospital into reablement', unit: pct, polarity: 'higher', cue: true, ascofPre2023: '2B(1)', ascofCurrent: '2D', range: [76, 90], decimals: 1 },
  { key: 'shortterm', name: 'Short-term services where the sequel was no ongoing support or support of a lower level', unit: pct, polarity: 'higher', cue: false, ascofPre2023: '2D', ascofCurrent: '2A', range: [68, 86], decimals: 1 },
  { key: 'dtoc', name: 'Delayed transfers of care from hospital, per 100,000 population', unit: rate, polarity: 'lower', cue: true, ascofPre2023: '2C(1)', range: [4, 16], decimals: 1 },
  { key: 'sat', name: 'Overall satisfaction of people who use services with their care and support', unit: pct, polarity: 'higher', cue: true, ascofPre2023: '3A', range: [58, 70], decimals: 1 },
  { key: 'carersat', name: "Carers' overall satisfaction with social services", unit: pct, polarity: 'higher', cue: true, ascofPre2023: '3B', range: [33, 46], decimals: 1 },
  { key: 'safe', name: 'Proportion of people who use services who feel safe', unit: pct, polarity: 'higher', cue: true, ascofPre2023: '4A', range: [66, 75], decimals: 1 },
  // Old National Indicators, still cited by some councils.
  { key: 'ni130', name: 'Social care clients receiving self-directed support per 100,000 population', unit: rate, polarity: 'higher', cue: true, localCode: 'NI 130', range: [2100, 3400], decimals: 0 },
  { key: 'ni135', name: "Carers receiving a needs assessment or review and a specific carer's service, or advice and information", unit: pct, polarity: 'higher', cue: true, localCode: 'NI 135', range: [24, 38], decimals: 1 },
  { key: 'ni132', name: 'Timeliness of social care assessment (all adults)', unit: pct, polarity: 'higher', cue: false, localCode: 'NI 132', range: [72, 92], decimals: 1 },
  // Councils' own measures.
  { key: 'waiting', name: 'Number of people waiting for a Care Act assessment', unit: 'number', polarity: 'lower', cue: true, localCode: 'ASC-07', range: [240, 1900], decimals: 0 },
  { key: 'waitdays', name: 'Average wait from first contact to assessment (days)', unit: 'days', polarity: 'lower', cue: true, localCode: 'ASC-08', range: [18, 46], decimals: 1 },
  { key: 'complaints', name: 'Complaints received about adult social care', unit: 'number', polarity: 'lower', cue: true, localCode: 'CS12', range: [14, 60], decimals: 0 },
  { key: 'rereferral', name: 'Re-referrals to adult social care within 12 months', unit: pct, polarity: 'lower', cue: true, localCode: 'L-RR1', range: [8, 22], decimals: 1 },
  { key: 'reviews', name: 'People receiving long-term support who had a review in the last 12 months', unit: pct, polarity: 'higher', cue: true, localCode: 'AS04', range: [52, 84], decimals: 1 },
  { key: 'notinwork', name: 'Carers not in paid work because of caring', unit: pct, polarity: 'lower', cue: true, localCode: 'CAR3', range: [28, 44], decimals: 1 },
  { key: 'placements', name: 'Spend on residential and nursing placements', unit: 'number', polarity: 'lower', cue: false, localCode: 'FIN2', range: [9_000_000, 16_000_000], decimals: -5, money: true },
  { key: 'sharedlives', name: 'People supported through Shared Lives', unit: 'number', polarity: 'higher', cue: false, localCode: 'SL1', range: [40, 95], decimals: 0 },
  { key: 'dols', name: 'Deprivation of Liberty Safeguards applications received', unit: 'number', polarity: 'higher', cue: false, localCode: 'DOLS-2', range: [120, 1500], decimals: 0 },
  { key: 'turnover', name: 'Care staff turnover in the independent sector', unit: pct, polarity: 'lower', cue: true, localCode: 'WF5', range: [22, 36], decimals: 1 },
  { key: 'safeguard', name: "Safeguarding enquiries where the person's desired outcomes were met", unit: pct, polarity: 'higher', cue: false, localCode: 'SG-3', range: [86, 97], decimals: 1 },
];

export function measure(key: string): Measure {
  const m = MEASURES.find((x) => x.key === key);
  if (!m) throw new Error(`no measure ${key}`);
  return m;
}
