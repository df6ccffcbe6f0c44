/**
 * The findings as a to-do list: filter by severity, rule, sheet and whether done; each finding shows its fix; one is
 * the current finding, moved with Previous and Next or by choosing it, which never moves Excel's selection: "Go to
 * cell" does. A finding marked done stays done, kept in the workbook, until its cell changes. "Copy all" puts the
 * findings shown on the clipboard as tab-separated text; "Export to a findings sheet" writes them all to a sheet of
 * PlanAssure's; "Check again" re-reads the workbook.
 */
import { useMemo, useRef, useState } from 'react';
import { Button, Caption1, Dropdown, Field, makeStyles, mergeClasses, MessageBar, MessageBarBody, Option, Subtitle2, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../engine/schema';
import { quoteSheet } from '../../engine/workbook';
import { findingKey, PaneController } from '../controller';
import { findingRows, isDone, liveMarks, markFor, ruleCatalogue, tabSeparated } from '../runtime';

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

const ALL = '*';
type Status = 'todo' | 'done' | typeof ALL;
const STATUS_TEXT: Record<Status, string> = { todo: 'To do', done: 'Done', [ALL]: 'To do and done' };
const SEVERITY_TEXT: Record<string, string> = { [ALL]: 'All severities', error: 'Errors', warning: 'Warnings', info: 'Notes' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filters: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0, width: '100%' },
  navigator: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  done: { color: tokens.colorNeutralForeground3 },
  location: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  rule: { color: tokens.colorNeutralForeground2 },
  answer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  fix: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: `0 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** Excel's way to write a cell on a sheet: 'Action Plan'!B12. */
function location(f: Finding): string {
  return `${quoteSheet(f.sheet)}!${f.cell}`;
}

/** Puts text on the clipboard; where the browser refuses, returns false (the pane then shows it to copy by hand). */
async function toClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function Filter({ label, value, text, options, onChange, testId }: { label: string; value: string; text: string; options: { value: string; text: string; label: string }[]; onChange: (v: string) => void; testId: string }) {
  const styles = useStyles();
  return (
    <Field label={label}>
      <Dropdown className={styles.dropdown} value={text} selectedOptions={[value]} onOptionSelect={(_e, d) => onChange(d.optionValue ?? ALL)} data-testid={testId}>
        {options.map((o) => (
          <Option key={o.value} value={o.value} text={o.text}>
            {o.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export default function FindingsList({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { model, select, confirmPolarity, run, saveDone } = controller;
  const [severity, setSeverity] = useState(ALL);
  const [rule, setRule] = useState(ALL);
  const [sheet, setSheet] = useState(ALL);
  const [status, setStatus] = useState<Status>('todo');
  // The current finding starts as the one last gone to, if any (coming back to the tab), else the first shown.
  const [currentKey, setCurrentKey] = useState<string | null>(model.selected?.key ?? null);
  const [copied, setCopied] = useState<{ text: string; onClipboard: boolean; count: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const titles = useMemo(() => new Map(ruleCatalogue().map((r) => [r.id, r.title])), []);
  const title = (id: string) => titles.get(id) ?? id;
  const prints = model.state?.prints ?? {};
  const busy = !!model.running || model.loading || model.phase !== 'ready';

  const indexed = useMemo(() => model.findings.map((f, i) => ({ f, key: findingKey(f, i), done: isDone(model.done, f, model.state?.prints ?? {}) })), [model.findings, model.done, model.state]);
  const count = (pick: (f: Finding) => string) => {
    const counts = new Map<string, number>();
    for (const { f } of indexed) counts.set(pick(f), (counts.get(pick(f)) ?? 0) + 1);
    return counts;
  };
  const ruleCounts = count((f) => f.rule);
  const sheetCounts = count((f) => f.sheet);
  const severityCounts = count((f) => f.severity);
  const doneCount = indexed.filter((x) => x.done).length;
  const filtered = indexed.filter(({ f, done }) => (severity === ALL || f.severity === severity) && (rule === ALL || f.rule === rule) && (sheet === ALL || f.sheet === sheet) && (status === ALL || (status === 'done') === done));
  // In the order shown: errors, then warnings, then notes.
  const shown = GROUPS.flatMap((g) => filtered.filter(({ f }) => f.severity === g.severity));
  const currentIndex = Math.max(0, shown.findIndex((x) => x.key === currentKey));
  const current = shown[currentIndex] ?? null;

  if (!model.state && !model.findings.length) return <Text>Run Check plan to list the findings.</Text>;

  const checkAgain = (
    <Button disabled={busy} onClick={() => void run('check')} data-testid="check-again">
      Check again
    </Button>
  );
  if (!model.findings.length) {
    return (
      <section className={styles.root} data-testid="findings-empty">
        <Text data-testid="no-findings">No findings: the plan passed every check.</Text>
        <div className={styles.toolbar}>{checkAgain}</div>
      </section>
    );
  }

  const copyAll = async () => {
    const rows = findingRows(shown.map((x) => x.f), title, (f) => isDone(model.done, f, prints));
    const text = tabSeparated(rows);
    const onClipboard = await toClipboard(text);
    setCopied({ text, onClipboard, count: shown.length });
    if (!onClipboard) {
      // The browser refused: show the text, selected, to copy by hand (and try the older way too).
      setTimeout(() => {
        fallback.current?.select();
        try {
          document.execCommand('copy');
        } catch {
          // Nothing more to try: the text is selected for Ctrl+C.
        }
      }, 0);
    }
  };

  const setDone = async (f: Finding, done: boolean) => {
    // A finding that leaves the list (done, while showing what is to do) hands on to the next one.
    if (status !== ALL) setCurrentKey((shown[currentIndex + 1] ?? shown[currentIndex - 1])?.key ?? null);
    const mark = markFor(f, prints);
    const kept = liveMarks(model.done, model.findings, prints).filter((m) => !(m.rule === mark.rule && m.sheet === mark.sheet && m.cell === mark.cell));
    const error = await saveDone(done ? [...kept, mark] : kept);
    setProblem(error ? `${error.title}. ${error.detail}` : null);
  };

  const move = (by: number) => {
    const next = shown[currentIndex + by];
    if (next) setCurrentKey(next.key);
  };

  const ruleText = rule === ALL ? 'All rules' : title(rule);
  const sheetText = sheet === ALL ? 'All sheets' : sheet;

  return (
    <section className={styles.root} aria-labelledby="findings-heading" data-testid="findings">
      <Subtitle2 as="h2" id="findings-heading" className={styles.heading}>
        Findings
      </Subtitle2>
      <div className={styles.toolbar} role="group" aria-label="Findings actions">
        {checkAgain}
        <Button onClick={() => void copyAll()} disabled={!shown.length} data-testid="copy-all">
          Copy all
        </Button>
        <Button disabled={busy} onClick={() => void run('findings')} data-testid="export-findings">
          Export to a findings sheet
        </Button>
      </div>
      {copied ? (
        <Caption1 role="status" data-testid="copy-status">
          {copied.onClipboard
            ? `Copied ${copied.count} ${copied.count === 1 ? 'finding' : 'findings'} as tab-separated text: paste into Excel or an email.`
            : 'This browser would not let PlanAssure use the clipboard. The text is selected below: press Ctrl+C to copy it.'}
        </Caption1>
      ) : null}
      {copied && !copied.onClipboard ? <Textarea ref={fallback} readOnly value={copied.text} aria-label="Findings as tab-separated text" data-testid="copy-fallback" /> : null}
      {problem ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.filters}>
        <Filter
          label="Severity"
          value={severity}
          text={SEVERITY_TEXT[severity]}
          onChange={setSeverity}
          testId="filter-severity"
          options={[ALL, 'error', 'warning', 'info'].filter((v) => v === ALL || severityCounts.has(v)).map((v) => ({ value: v, text: SEVERITY_TEXT[v], label: `${SEVERITY_TEXT[v]} (${v === ALL ? indexed.length : severityCounts.get(v)})` }))}
        />
        <Filter
          label="Rule"
          value={rule}
          text={ruleText}
          onChange={setRule}
          testId="filter-rule"
          options={[
            { value: ALL, text: 'All rules', label: `All rules (${indexed.length})` },
            ...[...ruleCounts].sort((a, b) => title(a[0]).localeCompare(title(b[0]))).map(([id, n]) => ({ value: id, text: title(id), label: `${title(id)} (${n})` })),
          ]}
        />
        <Filter
          label="Sheet"
          value={sheet}
          text={sheetText}
          onChange={setSheet}
          testId="filter-sheet"
          options={[{ value: ALL, text: 'All sheets', label: `All sheets (${indexed.length})` }, ...[...sheetCounts].map(([name, n]) => ({ value: name, text: name, label: `${name} (${n})` }))]}
        />
        <Filter
          label="Show"
          value={status}
          text={STATUS_TEXT[status]}
          onChange={(v) => setStatus(v as Status)}
          testId="filter-status"
          options={(['todo', 'done', ALL] as Status[]).map((v) => ({ value: v, text: STATUS_TEXT[v], label: `${STATUS_TEXT[v]} (${v === 'todo' ? indexed.length - doneCount : v === 'done' ? doneCount : indexed.length})` }))}
        />
      </div>
      <Caption1 role="status" aria-live="polite" data-testid="findings-status">
        {`Showing ${shown.length} of ${indexed.length} findings; ${doneCount} done. Choosing one shows its fix; Go to cell selects it in Excel.`}
      </Caption1>
      {shown.length ? (
        <div className={styles.navigator} role="group" aria-label="Move through the findings">
          <Button size="small" disabled={currentIndex <= 0} onClick={() => move(-1)} data-testid="previous-finding">
            Previous
          </Button>
          <Text data-testid="finding-position">{`Finding ${currentIndex + 1} of ${shown.length}`}</Text>
          <Button size="small" disabled={currentIndex >= shown.length - 1} onClick={() => move(1)} data-testid="next-finding">
            Next
          </Button>
        </div>
      ) : null}
      {GROUPS.map(({ severity: groupSeverity, title: groupTitle }) => {
        const items = shown.filter(({ f }) => f.severity === groupSeverity);
        if (!items.length) return null;
        return (
          <section key={groupSeverity} className={styles.group} aria-labelledby={`group-${groupSeverity}`} data-severity={groupSeverity}>
            <Subtitle2 as="h3" id={`group-${groupSeverity}`} className={styles.heading}>
              {`${groupTitle} (${items.length})`}
            </Subtitle2>
            <ul className={styles.list}>
              {items.map(({ f, key, done }) => {
                const isCurrent = current?.key === key;
                const fixId = `fix-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
                const selectError = model.selected?.key === key ? model.selected.error : null;
                return (
                  <li key={key} data-testid="finding" data-sheet={f.sheet} data-cell={f.cell} data-rule={f.rule} data-severity={f.severity} data-done={String(done)} data-current={String(isCurrent)}>
                    <button
                      type="button"
                      className={mergeClasses(styles.item, styles[f.severity], isCurrent && styles.selected, done && styles.done)}
                      aria-expanded={isCurrent}
                      aria-controls={isCurrent ? fixId : undefined}
                      onClick={() => setCurrentKey(key)}
                    >
                      <span className={styles.location}>{`${done ? 'Done: ' : ''}${location(f)}`}</span>
                      <span>{f.message}</span>
                      {isCurrent ? null : <Caption1 data-testid="fix-text">{`How to fix: ${f.fix ?? 'see the message above.'}`}</Caption1>}
                      <Caption1 className={styles.rule}>{title(f.rule)}</Caption1>
                    </button>
                    {isCurrent ? (
                      <div id={fixId} className={styles.fix} data-testid="fix">
                        {selectError ? (
                          <MessageBar intent="warning" layout="multiline">
                            <MessageBarBody>{`${selectError.title}. ${selectError.detail}`}</MessageBarBody>
                          </MessageBar>
                        ) : null}
                        <Text>
                          <strong>How to fix: </strong>
                          {f.fix ?? 'See the message above.'}
                        </Text>
                        <div className={styles.toolbar}>
                          <Button size="small" appearance="primary" onClick={() => void select(f, key)} data-testid="go-to-cell">
                            Go to cell
                          </Button>
                          <Button size="small" disabled={busy} onClick={() => void setDone(f, !done)} data-testid="mark-done">
                            {done ? 'Not done' : 'Mark done'}
                          </Button>
                        </div>
                        {f.rule === 'kpi-polarity-unsure' && f.kpi ? <PolarityAnswer kpi={f.kpi} disabled={busy} answer={confirmPolarity} className={styles.answer} /> : null}
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

/** The officer's answer to "which way is better?" for a KPI, saved in the workbook's Plan Settings sheet. */
function PolarityAnswer({ kpi, disabled, answer, className }: { kpi: string; disabled: boolean; answer: PaneController['confirmPolarity']; className: string }) {
  return (
    <div className={className} role="group" aria-label={`Which way is better for ${kpi}?`}>
      <Button disabled={disabled} onClick={() => void answer(kpi, 'higher')} data-testid="polarity-higher">
        Higher is better
      </Button>
      <Button disabled={disabled} onClick={() => void answer(kpi, 'lower')} data-testid="polarity-lower">
        Lower is better
      </Button>
    </div>
  );
}
