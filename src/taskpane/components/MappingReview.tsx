/**
 * The column-mapping review, shown before anything is structured: the header row(s) PlanAssure found on each plan
 * sheet, and how it reads each column, with its confidence, the reasons in words and three sample values. Nothing is
 * written until the officer confirms.
 *
 * It also works from nothing: where no table was found, every column of the likeliest header row is listed with
 * what it could be, and the officer picks the action column (and any other).
 *
 * A KPI scorecard, register or data sheet is reviewed the same way with KPI roles (name, target, the period a
 * column of figures is for …), as is a sheet that looks like a scorecard but could not be read, from nothing: each
 * sheet says which roles it offers.
 *
 * Each column's field is a dropdown; a changed mapping is passed to the engine as column overrides, which apply to
 * the sheet's header and every repeated header, and is kept in the workbook's Plan Settings sheet.
 */
import { useMemo, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  makeStyles,
  Option,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ColumnField } from '../../engine/structure/columns';
import { ACTION_LABELS, PendingReview } from '../controller';
import { fieldChoices, ReviewAnswer, SheetMappingReview, sheetReady } from '../runtime';

/** The officer's roles by sheet then column: a plan field, or a KPI role word; null for not used. */
type Edits = Record<string, Record<number, string | null>>;

const NOT_USED = '-';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  column: {
    display: 'grid',
    gridTemplateColumns: '2.2em 1fr auto',
    gridTemplateRows: 'auto',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  letter: { fontWeight: tokens.fontWeightSemibold, gridRow: '1 / span 2', alignSelf: 'start', paddingTop: '2px' },
  header: { overflowWrap: 'anywhere' },
  detail: { gridColumn: '2 / span 2', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground3 },
  dropdown: { gridColumn: '2 / span 2', minWidth: 0, width: '100%' },
  edited: { outline: `2px solid ${tokens.colorPaletteDarkOrangeBorderActive}`, outlineOffset: '1px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
});

function confidenceBadge(field: string | null, confidence: number) {
  if (!field) return { text: 'Not recognised', color: 'subtle' as const };
  const pct = `${Math.round(confidence * 100)}%`;
  if (confidence >= 0.95) return { text: `Sure ${pct}`, color: 'success' as const };
  if (confidence >= 0.8) return { text: `Likely ${pct}`, color: 'warning' as const };
  return { text: `Unsure ${pct}`, color: 'danger' as const };
}

const pct = (confidence: number) => `${Math.round(confidence * 100)}%`;

/** A sample value on one line, cut at a word near 60 characters: enough to recognise a column, short enough to scan. */
const SAMPLE_LENGTH = 60;
function sampleText(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  if (line.length <= SAMPLE_LENGTH) return line;
  const cut = line.slice(0, SAMPLE_LENGTH);
  const word = cut.lastIndexOf(' ');
  return `${(word > SAMPLE_LENGTH / 2 ? cut.slice(0, word) : cut).trimEnd()}…`;
}

/** What is still to pick, by sheet. */
function toContinue(unchosen: SheetMappingReview[]): string {
  const on = (kind: SheetMappingReview['kind']) => unchosen.filter((s) => s.kind === kind).map((s) => `“${s.sheet}”`).join(' and ');
  const plan = on('plan');
  const kpi = on('kpi');
  return [plan && `Pick the action column on ${plan} to continue.`, kpi && `Pick the column naming the KPIs on ${kpi} to continue.`].filter(Boolean).join(' ');
}

const rowsText = (rows: number[]) => (rows.length === 1 ? `Header row ${rows[0]}` : `Header rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`);

export default function MappingReview({ review, onAnswer }: { review: PendingReview; onAnswer: (answer: ReviewAnswer | null) => void }) {
  const styles = useStyles();
  const planChoices = useMemo(() => fieldChoices(), []);
  const label = (field: string | null, choices: { field: string; label: string }[] = planChoices) => (field ? (choices.find((c) => c.field === field)?.label ?? field) : 'Not used');
  const [edits, setEdits] = useState<Edits>({});
  // The header row of each sheet chosen from nothing, where the officer moved it from PlanAssure's suggestion.
  const [headerRow, setHeaderRow] = useState<Record<string, number>>({});
  const rowOf = (s: SheetMappingReview) => headerRow[s.sheet] ?? s.headerRows[0];
  const columnsOf = (s: SheetMappingReview) => (s.found ? s.columns : (s.headerChoices.find((h) => h.row === rowOf(s))?.columns ?? s.columns));
  const moveHeader = (sheet: string, row: number) => {
    setHeaderRow((prev) => ({ ...prev, [sheet]: row }));
    setEdits((prev) => ({ ...prev, [sheet]: {} }));
  };
  const edited = (s: SheetMappingReview) => Object.keys(edits[s.sheet] ?? {}).length > 0;
  const answer = (): ReviewAnswer => ({
    columns: Object.fromEntries(review.sheets.filter((s) => s.kind === 'plan' && edited(s)).map((s) => [s.sheet, edits[s.sheet] as Record<number, ColumnField | null>])),
    headerRows: Object.fromEntries(review.sheets.filter((s) => s.kind === 'plan' && !s.found && edited(s)).map((s) => [s.sheet, rowOf(s)])),
    // A scorecard chosen from nothing is read with every role shown, the ones its headers suggested included.
    kpiColumns: Object.fromEntries(
      review.sheets
        .filter((s) => s.kind === 'kpi' && (edited(s) || !s.found))
        .map((s) => [s.sheet, s.found ? edits[s.sheet] : Object.fromEntries(columnsOf(s).map((c) => [c.col, fieldOf(s.sheet, c.col, c.field)]))]),
    ),
    // A KPI sheet's roles are read under its header row, found or chosen.
    kpiHeaderRows: Object.fromEntries(review.sheets.filter((s) => s.kind === 'kpi' && (edited(s) || !s.found)).map((s) => [s.sheet, rowOf(s)])),
  });

  const fieldOf = (sheet: string, col: number, detected: string | null): string | null => (edits[sheet] && col in edits[sheet] ? edits[sheet][col] : detected);
  const changed = review.sheets.some(edited);
  // A sheet chosen from nothing is read only once its action column (or, on a scorecard, its KPIs' names) is picked.
  const unchosen = review.sheets.filter((s) => !sheetReady(s, columnsOf(s).map((c) => fieldOf(s.sheet, c.col, c.field))));
  const fromNothing = review.sheets.some((s) => !s.found && s.kind === 'plan');
  const scorecardFromNothing = review.sheets.some((s) => !s.found && s.kind === 'kpi');

  const choose = (sheet: string, col: number, detected: string | null, value: string | undefined) => {
    const field = !value || value === NOT_USED ? null : value;
    setEdits((prev) => {
      const cols = { ...(prev[sheet] ?? {}) };
      if (field === detected) delete cols[col];
      else cols[col] = field;
      return { ...prev, [sheet]: cols };
    });
  };

  return (
    <section className={styles.root} aria-labelledby="review-heading" data-testid="mapping-review">
      <Subtitle2 as="h2" id="review-heading" className={styles.heading}>
        Check the columns
      </Subtitle2>
      <Body1>
        {fromNothing
          ? 'PlanAssure could not tell which column holds the actions. Pick the action column, and any others you know, from the columns below; PlanAssure keeps your choice in the workbook and reads the plan the same way next time.'
          : scorecardFromNothing
          ? 'A sheet looks like a KPI scorecard, but PlanAssure could not tell which column is which. Pick the column naming the KPIs, and say which columns hold figures and for which period; PlanAssure keeps your choice in the workbook and reads the scorecard the same way next time.'
          : review.reason === 'structure'
          ? 'This is how PlanAssure reads your plan. Nothing is written until you confirm.'
          : `Before "${ACTION_LABELS[review.action]}" writes anything, confirm how PlanAssure reads your plan. You are asked again only if the layout changes.`}
      </Body1>
      {review.sheets.map((s) => (
        <section key={s.sheet} className={styles.sheet} aria-labelledby={`review-${s.sheet.replace(/\W/g, '_')}`}>
          <Subtitle2 as="h3" id={`review-${s.sheet.replace(/\W/g, '_')}`} className={styles.heading}>
            {`Sheet “${s.sheet}”`}
          </Subtitle2>
          {s.found ? (
            <Text data-testid="header-rows">{`${rowsText(s.headerRows)}${s.kind === 'kpi' ? ', read as KPIs' : ''}.`}</Text>
          ) : (
            <>
              <Text data-testid="header-rows" id={`rows-${s.sheet.replace(/\W/g, '_')}`}>{`${s.kind === 'kpi' ? 'This looks like a KPI scorecard, but its columns could not be read.' : 'No column reads as the actions with confidence.'} The headers look to be on row ${s.headerRows[0]}; if they are on another row, choose it.`}</Text>
              <Dropdown
                aria-labelledby={`rows-${s.sheet.replace(/\W/g, '_')}`}
                data-testid="header-row-choice"
                value={`Headers on row ${rowOf(s)}`}
                selectedOptions={[String(rowOf(s))]}
                onOptionSelect={(_e, d) => d.optionValue && moveHeader(s.sheet, Number(d.optionValue))}
                size="small"
              >
                {s.headerChoices.map((h) => (
                  <Option key={h.row} value={String(h.row)} text={`Headers on row ${h.row}`}>
                    {`Row ${h.row}: ${h.columns.map((c) => c.header).slice(0, 4).join(', ')}${h.columns.length > 4 ? ' …' : ''}`}
                  </Option>
                ))}
              </Dropdown>
            </>
          )}
          {s.repeatedHeaders.length ? <Caption1>{`The header is repeated on ${s.repeatedHeaders.length === 1 ? 'row' : 'rows'} ${s.repeatedHeaders.join(', ')}: those rows are skipped.`}</Caption1> : null}
          <ul className={styles.list} aria-label={`Columns on ${s.sheet}`}>
            {columnsOf(s).map((c) => {
              const field = fieldOf(s.sheet, c.col, c.field);
              const badge = s.found || field ? confidenceBadge(c.field, c.confidence) : { text: 'Choose', color: 'informative' as const };
              const hints = c.candidates.map((r) => `${label(r.field)} (${pct(r.confidence)})${r.reasons.length ? `: ${r.reasons.join('; ')}` : ''}`);
              const why = c.field && c.confidence < 0.95 && c.reasons.length ? `Read as ${label(c.field, s.choices)} because ${c.reasons.join('; ')}.` : null;
              const isEdited = field !== c.field;
              const labelId = `col-${s.sheet.replace(/\W/g, '_')}-${c.letter}`;
              return (
                <li key={c.col} className={styles.column} data-testid="mapping-column" data-sheet={s.sheet} data-column={c.letter} data-field={field ?? ''}>
                  <Text className={styles.letter} aria-hidden>
                    {c.letter}
                  </Text>
                  <Text id={labelId} className={styles.header}>
                    <span className={styles.srOnly}>{`Column ${c.letter}: `}</span>
                    {`“${c.header}”`}
                  </Text>
                  <Badge appearance="tint" color={badge.color} size="medium" data-testid="confidence">
                    {badge.text}
                  </Badge>
                  <Dropdown
                    className={isEdited ? `${styles.dropdown} ${styles.edited}` : styles.dropdown}
                    aria-labelledby={labelId}
                    aria-description={`Read as. PlanAssure's confidence: ${badge.text}.`}
                    value={label(field, s.choices)}
                    selectedOptions={[field ?? NOT_USED]}
                    onOptionSelect={(_e, d) => choose(s.sheet, c.col, c.field, d.optionValue)}
                    size="small"
                  >
                    {s.choices.map((choice) => (
                      <Option key={choice.field} value={choice.field}>
                        {choice.label}
                      </Option>
                    ))}
                    <Option value={NOT_USED}>Not used</Option>
                  </Dropdown>
                  {c.samples.length ? (
                    <Caption1 className={styles.detail} data-testid="samples">
                      {`For example: ${c.samples.map((v) => `“${sampleText(v)}”`).join(', ')}`}
                    </Caption1>
                  ) : null}
                  {why ? (
                    <Caption1 className={styles.detail} data-testid="reasons">
                      {why}
                    </Caption1>
                  ) : null}
                  {hints.length ? (
                    <Caption1 className={styles.detail} data-testid="candidates">
                      {`Could be: ${hints.join('. ')}.`}
                    </Caption1>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {unchosen.length ? <Caption1 data-testid="pick-action">{toContinue(unchosen)}</Caption1> : null}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={unchosen.length > 0} onClick={() => onAnswer(answer())}>
          Confirm and continue
        </Button>
        {changed ? <Button
            onClick={() => {
              setEdits({});
              setHeaderRow({});
            }}
          >
            Reset to what PlanAssure found
          </Button> : null}
        <Button onClick={() => onAnswer(null)}>Cancel</Button>
      </div>
    </section>
  );
}
