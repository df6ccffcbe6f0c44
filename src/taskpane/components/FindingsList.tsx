/**
 * The findings, grouped by severity and filterable by rule and by sheet. Each finding is a button: clicking it (or
 * Enter / Space on it) selects its cell in the workbook and shows the fix beneath it.
 */
import { useMemo, useState } from 'react';
import { Button, Caption1, Dropdown, Field, makeStyles, mergeClasses, MessageBar, MessageBarBody, Option, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../engine/schema';
import { findingKey, PaneController } from '../controller';
import { ruleCatalogue } from '../runtime';

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

const ALL = '*';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0, width: '100%' },
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
  location: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  rule: { color: tokens.colorNeutralForeground2 },
  answer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  fix: {
    margin: `0 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** Excel's way to write a cell on a sheet: 'Action Plan'!B12. */
function location(f: Finding): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(f.sheet) ? f.sheet : `'${f.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${f.cell}`;
}

export default function FindingsList({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { model, select, confirmPolarity } = controller;
  const [rule, setRule] = useState(ALL);
  const [sheet, setSheet] = useState(ALL);
  const titles = useMemo(() => new Map(ruleCatalogue().map((r) => [r.id, r.title])), []);
  const title = (id: string) => titles.get(id) ?? id;

  const indexed = useMemo(() => model.findings.map((f, i) => ({ f, key: findingKey(f, i) })), [model.findings]);
  const count = (pick: (f: Finding) => string) => {
    const counts = new Map<string, number>();
    for (const { f } of indexed) counts.set(pick(f), (counts.get(pick(f)) ?? 0) + 1);
    return counts;
  };
  const ruleCounts = count((f) => f.rule);
  const sheetCounts = count((f) => f.sheet);
  const shown = indexed.filter(({ f }) => (rule === ALL || f.rule === rule) && (sheet === ALL || f.sheet === sheet));

  if (!model.state && !model.findings.length) return <Text>Run Check plan to list the findings.</Text>;
  if (!model.findings.length) return <Text data-testid="no-findings">No findings: the plan passed every check.</Text>;

  const ruleText = rule === ALL ? 'All rules' : title(rule);
  const sheetText = sheet === ALL ? 'All sheets' : sheet;

  return (
    <section className={styles.root} aria-labelledby="findings-heading" data-testid="findings">
      <Subtitle2 as="h2" id="findings-heading" className={styles.heading}>
        Findings
      </Subtitle2>
      <div className={styles.filters}>
        <Field label="Rule">
          <Dropdown
            className={styles.dropdown}
            value={ruleText}
            selectedOptions={[rule]}
            onOptionSelect={(_e, d) => setRule(d.optionValue ?? ALL)}
            data-testid="filter-rule"
          >
            <Option value={ALL} text="All rules">{`All rules (${indexed.length})`}</Option>
            {[...ruleCounts].sort((a, b) => title(a[0]).localeCompare(title(b[0]))).map(([id, n]) => (
              <Option key={id} value={id} text={title(id)}>{`${title(id)} (${n})`}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Sheet">
          <Dropdown
            className={styles.dropdown}
            value={sheetText}
            selectedOptions={[sheet]}
            onOptionSelect={(_e, d) => setSheet(d.optionValue ?? ALL)}
            data-testid="filter-sheet"
          >
            <Option value={ALL} text="All sheets">{`All sheets (${indexed.length})`}</Option>
            {[...sheetCounts].map(([name, n]) => (
              <Option key={name} value={name} text={name}>{`${name} (${n})`}</Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Caption1 role="status" aria-live="polite">
        {`Showing ${shown.length} of ${indexed.length} findings. Choose one to go to its cell.`}
      </Caption1>
      {GROUPS.map(({ severity, title: groupTitle }) => {
        const items = shown.filter(({ f }) => f.severity === severity);
        if (!items.length) return null;
        return (
          <section key={severity} className={styles.group} aria-labelledby={`group-${severity}`} data-severity={severity}>
            <Subtitle2 as="h3" id={`group-${severity}`} className={styles.heading}>
              {`${groupTitle} (${items.length})`}
            </Subtitle2>
            <ul className={styles.list}>
              {items.map(({ f, key }) => {
                const isSelected = model.selected?.key === key;
                const fixId = `fix-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
                return (
                  <li key={key} data-testid="finding" data-sheet={f.sheet} data-cell={f.cell} data-rule={f.rule} data-severity={f.severity}>
                    <button
                      type="button"
                      className={mergeClasses(styles.item, styles[severity], isSelected && styles.selected)}
                      aria-expanded={isSelected}
                      aria-controls={isSelected ? fixId : undefined}
                      onClick={() => void select(f, key)}
                    >
                      <span className={styles.location}>{location(f)}</span>
                      <span>{f.message}</span>
                      <Caption1 className={styles.rule}>{title(f.rule)}</Caption1>
                    </button>
                    {isSelected ? (
                      <div id={fixId} className={styles.fix} data-testid="fix">
                        {model.selected?.error ? (
                          <MessageBar intent="warning" layout="multiline">
                            <MessageBarBody>{`${model.selected.error.title}. ${model.selected.error.detail}`}</MessageBarBody>
                          </MessageBar>
                        ) : null}
                        <Text>
                          <strong>How to fix: </strong>
                          {f.fix ?? 'See the message above.'}
                        </Text>
                        {f.rule === 'kpi-polarity-unsure' && f.kpi ? <PolarityAnswer kpi={f.kpi} disabled={!!model.running || model.loading} answer={confirmPolarity} className={styles.answer} /> : null}
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
