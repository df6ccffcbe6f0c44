/**
 * Settings saved in the workbook: plan start, reporting period, KPI tolerance, RAG legend, protective marking and
 * rule severities. Blank means "as the workbook's Plan Settings sheet says, else PlanAssure's default".
 */
import { useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { DEFAULT_RAG_LEGEND, type Rag } from '../../engine/schema';
import type { PaneController } from '../controller';
import type { PaneMessage } from '../messages';
import { ruleCatalogue } from '../runtime';
import { MARKINGS, PaneSettings, RAG_NAMES, RuleSeverity, settingsProblems } from '../settings';

const DEFAULT_LEGEND: Record<Rag, string> = DEFAULT_RAG_LEGEND;

const SEVERITY_WORDS: Record<RuleSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Note', off: 'Off' };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export default function SettingsView({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { model, saveSettings } = controller;
  const [draft, setDraft] = useState<PaneSettings>(model.settings);
  const [toleranceText, setToleranceText] = useState(model.settings.ragTolerance === null ? '' : String(Math.round(model.settings.ragTolerance * 10000) / 100));
  const [status, setStatus] = useState<{ saved: boolean; error: PaneMessage | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const rules = useMemo(() => ruleCatalogue(), []);

  const tolerance = toleranceText.trim() === '' ? null : Number(toleranceText) / 100;
  const candidate: PaneSettings = { ...draft, ragTolerance: tolerance === null || Number.isNaN(tolerance) ? (toleranceText.trim() ? -1 : null) : tolerance };
  const problems = settingsProblems(candidate);
  const invalid = Object.keys(problems).length > 0;
  const set = (patch: Partial<PaneSettings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus(null);
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    setSaving(true);
    const error = await saveSettings(candidate);
    setSaving(false);
    setStatus({ saved: !error, error });
  };

  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} aria-labelledby="settings-heading" data-testid="settings">
      <Subtitle2 as="h2" id="settings-heading" className={styles.heading}>
        Settings
      </Subtitle2>
      <Body1>Saved in this workbook. Leave a box blank to use the workbook&apos;s Plan Settings sheet, or PlanAssure&apos;s default.</Body1>

      <Field label="Plan start" hint="Where “Short-term”, “6m” and the like count from." validationMessage={problems.planStart}>
        <Input type="date" value={draft.planStart ?? ''} onChange={(_e, d) => set({ planStart: d.value || null })} />
      </Field>
      <Field label="Reporting period" hint="The quarter the board pack covers, e.g. Q2 2025/26." validationMessage={problems.reportingPeriod}>
        <Input value={draft.reportingPeriod ?? ''} placeholder="Q2 2025/26" onChange={(_e, d) => set({ reportingPeriod: d.value.trim() || null })} />
      </Field>
      <Field label="KPI tolerance (%)" hint="How far from target a KPI may be and still be Amber rather than Red. Default 5." validationMessage={problems.ragTolerance}>
        <Input
          type="number"
          min={0}
          max={99}
          step={0.5}
          value={toleranceText}
          placeholder="5"
          onChange={(_e, d) => {
            setToleranceText(d.value);
            setStatus(null);
          }}
        />
      </Field>
      <Field label="Protective marking" hint="Printed in the board pack's footer.">
        <Dropdown
          value={draft.protectiveMarking ?? 'As the workbook says (default OFFICIAL)'}
          selectedOptions={[draft.protectiveMarking ?? '']}
          onOptionSelect={(_e, d) => set({ protectiveMarking: d.optionValue || null })}
        >
          <Option value="" text="As the workbook says (default OFFICIAL)">
            As the workbook says (default OFFICIAL)
          </Option>
          {MARKINGS.map((m) => (
            <Option key={m} value={m}>
              {m}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>
          <Subtitle2>RAG legend</Subtitle2>
        </legend>
        <Caption1>What each colour means in your council&apos;s board papers.</Caption1>
        {RAG_NAMES.map((rag) => (
          <Field key={rag} label={`${rag} means`} orientation="horizontal">
            <Input
              value={draft.ragLegend[rag] ?? ''}
              placeholder={DEFAULT_LEGEND[rag]}
              onChange={(_e, d) => {
                const legend = { ...draft.ragLegend };
                if (d.value.trim()) legend[rag] = d.value;
                else delete legend[rag];
                set({ ragLegend: legend });
              }}
            />
          </Field>
        ))}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>
          <Subtitle2>Rule severities</Subtitle2>
        </legend>
        <Caption1>Make a check an error, a warning or a note, or turn it off. Rule ids are listed in docs/RULES.md.</Caption1>
        {rules.map((rule) => (
          <Field key={rule.id} label={rule.title} orientation="horizontal">
            <Select
              value={draft.ruleSeverities[rule.id] ?? ''}
              onChange={(_e, d) => {
                const severities = { ...draft.ruleSeverities };
                if (d.value) severities[rule.id] = d.value as RuleSeverity;
                else delete severities[rule.id];
                set({ ruleSeverities: severities });
              }}
              data-rule={rule.id}
            >
              <option value="">{`Default (${SEVERITY_WORDS[rule.defaultSeverity]})`}</option>
              {(['error', 'warning', 'info', 'off'] as RuleSeverity[]).map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_WORDS[s]}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </fieldset>

      {status?.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{`${status.error.title}. ${status.error.detail}`}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div role="status" aria-live="polite">
        {status?.saved ? <Caption1 data-testid="settings-saved">Saved in the workbook. The plan has been checked again with these settings.</Caption1> : null}
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={invalid || saving || model.phase !== 'ready' || !!model.running}>
          {saving ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
