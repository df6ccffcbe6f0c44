/**
 * ascof-code-names-other-measure (issue 15, item 7): an ASCOF code quoted in plan text is checked against the words
 * beside it, under both numberings. The plans are written as .xlsx and checked through the real command.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeWordsMismatch, measureNamedBy } from '../src/engine/ascof-words';
import { frameworkCitations } from '../src/engine/ascof';
import { wordsBeside } from '../src/engine/validate/rules/ascof-words';
import { CellInput, sheet, workbook } from './helpers/model';
import { runCli } from './helpers/run-cli';
import { writeModel } from './helpers/xlsx-files';
import { SEED_DIR } from '../scripts/seed-data';

const RULE = 'ascof-code-names-other-measure';

describe('which measure the words name, and whether the code agrees', () => {
  const mismatch = (code: string, words: string) => codeWordsMismatch(code, words) !== null;

  test('a code for another measure in both numberings is a mismatch', () => {
    expect(mismatch('1F', 'Percentage of adults with learning disabilities in paid employment')).toBe(true);
    expect(mismatch('2C', 'People receiving short-term support who need no ongoing support afterwards')).toBe(true);
    expect(mismatch('2A', 'Increase the proportion of people who receive direct payments')).toBe(true);
    expect(mismatch('3A', 'Carers who are satisfied with social services')).toBe(true);
    expect(mismatch('2A', 'Proportion of people who use services who feel safe')).toBe(true);
  });

  test('a code that names the measure in either numbering agrees', () => {
    // 2A is short-term services from 2023-24; 2D the same before; 2B(1) and 2D the 91-day reablement measure.
    expect(mismatch('2A', 'Proportion of people who received short-term services who require no further support')).toBe(false);
    expect(mismatch('2D', 'Proportion of people who received short-term services who require no further support')).toBe(false);
    expect(mismatch('2B(1)', 'Older people still at home 91 days after discharge from hospital into reablement')).toBe(false);
    expect(mismatch('2D', 'Older people still at home 91 days after discharge from hospital into reablement')).toBe(false);
    expect(mismatch('1C(2A)', 'Proportion of people who use services who receive direct payments')).toBe(false);
    expect(mismatch('3D', 'Proportion of people who use services who receive direct payments')).toBe(false);
    expect(mismatch('2A(2)', 'Permanent admissions of older people to residential and nursing care homes')).toBe(false);
    expect(mismatch('2C', 'Permanent admissions of older people to residential and nursing care homes')).toBe(false);
    expect(mismatch('3B', 'Carers who are satisfied with social services')).toBe(false);
  });

  test('words that name no ASCOF measure are never reported, whatever the code', () => {
    for (const words of ['Percentage of complaints resolved within 14 days', 'Percentage of Care Act assessments completed within 28 days', 'Number of individuals using assistive technology']) {
      expect(measureNamedBy(words)).toBeNull();
      expect(mismatch('4A', words)).toBe(false);
    }
  });

  test('a code that could be the unconfirmed 2023-24 number of the measure is left alone', () => {
    // Workforce turnover is in the current framework, but its number is not confirmed: 4A may be it.
    expect(measureNamedBy('Annual staff turnover rate in adult social care')).not.toBeNull();
    expect(mismatch('4A', 'Annual staff turnover rate in adult social care')).toBe(false);
    // 2B is a confirmed current code (admissions, 18-64), so it cannot be the turnover measure's new number.
    expect(mismatch('2B', 'Annual staff turnover rate in adult social care')).toBe(true);
  });

  test('the words of a citation are those before it in its statement, else those after it', () => {
    const text = 'Adults with learning disabilities in paid work (ASCOF 1F); ASCOF 2D: older people at home 91 days after reablement';
    const spans = frameworkCitations(text);
    expect(wordsBeside(text, spans, 0)).toBe('Adults with learning disabilities in paid work');
    expect(wordsBeside(text, spans, 1)).toBe('older people at home 91 days after reablement');
    const two = 'Direct payments (ASCOF 3D) and short-term services with no further support (ASCOF 2A)';
    const s2 = frameworkCitations(two);
    expect(wordsBeside(two, s2, 1)).toBe('and short-term services with no further support');
  });
});

describe('through the command, on a written plan', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ascof-words-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const PLAN: CellInput[][] = [
    ['Ref', 'Action', 'Lead', 'Due date', 'Measures'],
    ['1.1', 'Expand supported employment for adults with a learning disability', 'Head of LD', { date: '2026-03-31' }, 'Percentage of adults with learning disabilities in paid employment (ASCOF 1F)'],
    ['1.2', 'Grow the direct payments offer', 'Head of Personalisation', { date: '2026-03-31' }, 'Proportion of people who receive direct payments (ASCOF 1C(2A))'],
    ['1.3', 'Speed up complaint handling', 'Customer Services', { date: '2026-03-31' }, 'Percentage of complaints resolved within 14 days (ASCOF 4A)'],
    ['1.4', 'Strengthen reablement after hospital', 'Head of Reablement', { date: '2026-03-31' }, 'KPI-09; ASCOF 2D'],
    ['1.5', 'Reduce admissions to care homes', 'Head of Commissioning', { date: '2026-03-31' }, 'Older people at home 91 days after discharge into reablement (ASCOF 2A(2)); admissions of older people to residential and nursing homes (ASCOF 2C)'],
  ];

  test('findings name the measures cell, the code, the words and what each means; right codes and other words are quiet', async () => {
    const file = path.join(dir, 'plan.xlsx');
    await writeModel(workbook(sheet('Action Plan', PLAN)), file);
    const run = await runCli(['validate', file, '--json', '--today', '2026-01-31']);
    const issues = (JSON.parse(run.stdout).issues as { rule: string; sheet: string; cell: string; severity: string; message: string; fix: string }[]).filter((i) => i.rule === RULE);
    expect(issues.map((i) => [i.sheet, i.cell, i.severity])).toEqual([
      ['Action Plan', 'E2', 'warning'],
      ['Action Plan', 'E6', 'warning'],
    ]);
    expect(issues[0].message).toBe(
      'Action 1.1 (row 2) quotes ASCOF 1F in its measures beside “Percentage of adults with learning disabilities in paid employment”, which reads as ' +
        '“Adults with a learning disability in paid work” (ASCOF 1E before 2023-24). ASCOF 1F is “Adults known to secondary mental health services in paid work” ' +
        'in the pre-2023 framework. It has no confirmed code in the current framework.',
    );
    expect(issues[0].fix).toBe('Check which measure is meant. “Adults with a learning disability in paid work” is ASCOF 1E before 2023-24: correct the code, or the words if the code is right.');
    // Only the first citation of row 6 is wrong: 2A(2) beside the 91-day reablement words; 2C is the 65+ admissions code.
    expect(issues[1].message).toMatch(/^Action 1\.5 \(row 6\) quotes ASCOF 2A\(2\) in its measures beside “Older people at home 91 days after discharge into reablement”/);
    expect(issues[1].message).toContain('ASCOF 2D from 2023-24');
  });

  test('a Plan Settings row turns it off, as for every rule', async () => {
    const file = path.join(dir, 'plan-off.xlsx');
    await writeModel(workbook(sheet('Action Plan', PLAN), sheet('Plan Settings', [['Setting', 'Value'], [`Rule: ${RULE}`, 'off']])), file);
    const run = await runCli(['validate', file, '--json', '--today', '2026-01-31']);
    expect((JSON.parse(run.stdout).issues as { rule: string }[]).filter((i) => i.rule === RULE)).toEqual([]);
  });

  test('the Medway plan: the codes quoted beside other measures are found, at their cells', async () => {
    const run = await runCli(['validate', path.join(SEED_DIR, 'medway-cqc-improvement-action-plan.xlsx'), '--json', '--today', '2026-01-31']);
    const issues = (JSON.parse(run.stdout).issues as { rule: string; cell: string; message: string }[]).filter((i) => i.rule === RULE);
    // "adults with learning disabilities in paid employment (ASCOF 1F …)": 1F is mental health; 1E is learning disability.
    expect(issues.some((i) => / ASCOF 1F .*learning disabilities in paid employment/.test(i.message))).toBe(true);
    // "short-term support … no ongoing support afterward (ASCOF 2C)": 2C is admissions (current) or delayed transfers (pre-2023).
    expect(issues.some((i) => / ASCOF 2C .*short-term support/.test(i.message))).toBe(true);
    // Codes beside words no ASCOF measure names (complaints, assessments within 28 days) are not reported.
    expect(issues.some((i) => /complaints|28 days/.test(i.message))).toBe(false);
  });
});

describe("a KPI register: the code against the KPI's own name", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ascof-kpi-words-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('kpi-code-names-other-measure at the code cell; a right code gives none', async () => {
    const file = path.join(dir, 'kpis.xlsx');
    const register: CellInput[][] = [
      ['KPI ID', 'Name', 'Code', 'Unit', 'Good is', 'Frequency', 'Baseline', 'Target'],
      ['K1', 'Adults with a learning disability in paid employment', 'ASCOF 1F', 'percentage', 'higher', 'annual', 5, 6],
      ['K2', 'Older people still at home 91 days after discharge from hospital into reablement', 'ASCOF 2D', 'percentage', 'higher', 'quarterly', 80, 85],
    ];
    const data: CellInput[][] = [
      ['KPI ID', 'Period', 'Numerator', 'Denominator', 'Value'],
      ['K1', '2024/25', null, null, 5.5],
      ['K2', 'Q2 2025/26', 140, 170, null],
    ];
    await writeModel(workbook(sheet('KPIs', register), sheet('KPI Data', data)), file);
    const run = await runCli(['validate', file, '--json', '--today', '2026-01-31']);
    const issues = (JSON.parse(run.stdout).issues as { rule: string; sheet: string; cell: string; message: string }[]).filter((i) => i.rule === 'kpi-code-names-other-measure');
    expect(issues.map((i) => [i.sheet, i.cell])).toEqual([['KPIs', 'C2']]);
    expect(issues[0].message).toMatch(/^K1 “Adults with a learning disability in paid employment” cites ASCOF 1F, but its name reads as “Adults with a learning disability in paid work” \(ASCOF 1E before 2023-24\)\./);
  });
});
