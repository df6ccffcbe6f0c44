/** The home view: the plan's state at a glance, and the actions. */
import { lazy, Suspense, useState } from 'react';
import { Button, Caption1, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { unavailableReason } from '../action-availability';
import { ACTION_LABELS, PaneController } from '../controller';
import type { ActionKind } from '../runtime';
import { ukDateTime } from '../settings';
import { SeverityCounts } from './SeverityCounts';

const DEFAULT_PACK_SETTINGS = { author: null, version: null, useBlue: true };

/** The actions that build a board pack: the officer is asked which period it reports on first. */
const BUILDS_PACK: readonly ActionKind[] = ['boardPack', 'everything'];

// Shown only on first open, or when a board pack is built: loaded then, keeping the first load within its budget.
const StartHere = lazy(() => import(/* webpackChunkName: "start-here" */ './StartHere').then((m) => ({ default: m.StartHere })));
const PeriodPrompt = lazy(() => import(/* webpackChunkName: "period" */ './PeriodPrompt').then((m) => ({ default: m.PeriodPrompt })));

/** Check plan, which writes nothing, is the primary button: never the action that writes the most. */
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
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sheet: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXXS },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  role: { color: tokens.colorNeutralForeground2, textAlign: 'right' },
  actions: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  action: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  button: { width: '100%', justifyContent: 'flex-start' },
  description: { color: tokens.colorNeutralForeground2 },
  reason: { color: tokens.colorNeutralForeground1, fontStyle: 'italic' },
});

export function HomeView({ controller, onShowFindings }: { controller: PaneController; onShowFindings: () => void }) {
  const styles = useStyles();
  const { model, run } = controller;
  const state = model.state;
  const ready = model.phase === 'ready' && !model.running;
  const visibleSheets = state?.sheets.filter((s) => !s.hidden) ?? [];
  const hiddenOwned = state ? state.sheets.filter((s) => s.hidden).length : 0;
  const last = model.settings.lastBoardPack;
  const [asking, setAsking] = useState<ActionKind | null>(null);
  const start = (kind: ActionKind) => (BUILDS_PACK.includes(kind) && state?.period ? setAsking(kind) : void run(kind));

  return (
    <>
      <Suspense fallback={null}>
        <StartHere />
      </Suspense>
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
            <SeverityCounts counts={state.counts} />
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
          {ACTIONS.map(({ kind, description }) => {
            // An action with nothing to work on stays focusable, so its reason is read out with it.
            const reason = unavailableReason(kind, state);
            return (
              <li key={kind} className={styles.action}>
                <Button
                  className={styles.button}
                  appearance={kind === 'check' ? 'primary' : 'secondary'}
                  disabled={!ready || (asking !== null && asking !== kind)}
                  disabledFocusable={ready && !!reason}
                  onClick={() => start(kind)}
                  aria-expanded={BUILDS_PACK.includes(kind) ? asking === kind : undefined}
                  aria-describedby={reason ? `action-${kind}-reason action-${kind}-description` : `action-${kind}-description`}
                  data-action={kind}
                >
                  {ACTION_LABELS[kind]}
                </Button>
                {reason ? (
                  <Caption1 id={`action-${kind}-reason`} className={styles.reason} data-testid={`action-${kind}-reason`}>
                    {reason}
                  </Caption1>
                ) : null}
                <Caption1 id={`action-${kind}-description`} className={styles.description}>
                  {description}
                </Caption1>
                {asking === kind && state?.period ? (
                  <Suspense fallback={null}>
                    <PeriodPrompt
                      period={state.period}
                      packSettings={state.packSettings ?? DEFAULT_PACK_SETTINGS}
                      onBuild={(period, packSettings) => {
                        setAsking(null);
                        void run(kind, { period, packSettings });
                      }}
                      onCancel={() => setAsking(null)}
                    />
                  </Suspense>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
