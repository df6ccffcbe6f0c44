/** The home view: the plan's state at a glance, and the actions. */
import { Button, Caption1, CounterBadge, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ACTION_LABELS, PaneController } from '../controller';
import type { ActionKind } from '../runtime';
import { ukDateTime } from '../settings';

const ACTIONS: { kind: ActionKind; description: string }[] = [
  { kind: 'check', description: 'Lists every problem, with the cell to change and a fix. Writes nothing.' },
  { kind: 'structure', description: 'Reads your layout into one canonical Plan sheet. You confirm the columns first.' },
  { kind: 'kpis', description: 'Fills the KPI Register: latest value, change, direction and RAG, as live formulas.' },
  { kind: 'rag', description: 'Keeps each RAG entered; derives the rest from status and dates, in live colours.' },
  { kind: 'boardPack', description: 'Board Summary, Exceptions, KPI Scorecard and Trend, and Coming up, titled and ready to print.' },
  { kind: 'everything', description: 'Checks, structures, updates KPIs, applies RAG and builds the board pack.' },
];

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  count: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sheet: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXXS },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  role: { color: tokens.colorNeutralForeground2, textAlign: 'right' },
  actions: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  action: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  button: { width: '100%', justifyContent: 'flex-start' },
  description: { color: tokens.colorNeutralForeground2 },
});

function Count({ one, many, value, color }: { one: string; many: string; value: number; color: 'danger' | 'important' | 'informative' }) {
  const styles = useStyles();
  return (
    <span className={styles.count} data-testid={`count-${many}`} data-count={value}>
      <CounterBadge count={value} showZero color={color} appearance="filled" aria-hidden />
      <Text>{`${value} ${value === 1 ? one : many}`}</Text>
    </span>
  );
}

export function HomeView({ controller, onShowFindings }: { controller: PaneController; onShowFindings: () => void }) {
  const styles = useStyles();
  const { model, run } = controller;
  const state = model.state;
  const ready = model.phase === 'ready' && !model.running;
  const visibleSheets = state?.sheets.filter((s) => !s.hidden) ?? [];
  const hiddenOwned = state ? state.sheets.filter((s) => s.hidden).length : 0;
  const last = model.settings.lastBoardPack;

  return (
    <>
      <section className={styles.section} aria-labelledby="plan-heading" data-testid="plan-state">
        <Subtitle2 as="h2" id="plan-heading" className={styles.heading}>
          Your plan
        </Subtitle2>
        {model.loading && !state ? <Spinner size="tiny" labelPosition="after" label="Reading your workbook…" /> : null}
        {state ? (
          <>
            <Text data-testid="plan-summary">
              {`${state.actions} ${state.actions === 1 ? 'action' : 'actions'} and ${state.kpis} ${state.kpis === 1 ? 'KPI' : 'KPIs'} found.`}
            </Text>
            <div className={styles.counts} aria-label="Findings by severity" role="group">
              <Count one="error" many="errors" value={state.counts.error} color="danger" />
              <Count one="warning" many="warnings" value={state.counts.warning} color="important" />
              <Count one="note" many="notes" value={state.counts.info} color="informative" />
            </div>
            {model.findings.length ? (
              <Button appearance="secondary" size="small" onClick={onShowFindings} style={{ alignSelf: 'flex-start' }}>
                Show findings
              </Button>
            ) : null}
            <Subtitle2 as="h3" className={styles.heading}>
              Sheets
            </Subtitle2>
            <ul className={styles.list} aria-label="Sheets and how PlanAssure reads them" data-testid="sheet-list">
              {visibleSheets.map((s) => (
                <li key={s.name} className={styles.sheet}>
                  <span className={styles.sheetName}>{s.name}</span>
                  <span className={styles.role}>{s.role === 'plan' ? `${s.roleLabel} (${s.actions})` : s.roleLabel}</span>
                </li>
              ))}
            </ul>
            {hiddenOwned ? <Caption1>{`Also ${hiddenOwned} hidden ${hiddenOwned === 1 ? 'sheet' : 'sheets'}.`}</Caption1> : null}
            {state.readWarnings.map((w) => (
              <Caption1 key={w}>{w}</Caption1>
            ))}
            <Text data-testid="last-board-pack">
              {last ? `Last board pack: built ${ukDateTime(last.at)}${last.period ? ` for ${last.period}` : ''}.` : 'No board pack built yet.'}
            </Text>
          </>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="actions-heading">
        <Subtitle2 as="h2" id="actions-heading" className={styles.heading}>
          Actions
        </Subtitle2>
        <ul className={styles.actions}>
          {ACTIONS.map(({ kind, description }) => (
            <li key={kind} className={styles.action}>
              <Button
                className={styles.button}
                appearance={kind === 'everything' ? 'primary' : 'secondary'}
                disabled={!ready}
                onClick={() => void run(kind)}
                aria-describedby={`action-${kind}-description`}
                data-action={kind}
              >
                {ACTION_LABELS[kind]}
              </Button>
              <Caption1 id={`action-${kind}-description`} className={styles.description}>
                {description}
              </Caption1>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
