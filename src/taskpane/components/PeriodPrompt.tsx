/**
 * Asked when the officer builds a board pack: which reporting period it covers. The default is filled in (the plan
 * settings' period, else the last quarter completed), so Enter builds it; any other financial-year quarter can be typed.
 * Beside it, the cover's author and version and whether complete actions show Blue, as Plan Settings give them now:
 * what the officer changes here is saved to Plan Settings with the pack, so later runs use it too.
 */
import { useState } from 'react';
import { Button, Caption1, Checkbox, Field, Input, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { PackSettings } from '../../engine/pack-settings';
import { isReportingPeriod } from '../settings';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface PeriodPromptProps {
  /** The period the pack would report on by default, and why, e.g. { label: "Q2 2025/26", why: "the last quarter completed" }. */
  period: { label: string; why: string };
  /** The cover's author and version and Blue, as Plan Settings give them now. */
  packSettings: PackSettings;
  onBuild: (period: string, packSettings: PackSettings) => void;
  onCancel: () => void;
}

export function PeriodPrompt({ period, packSettings, onBuild, onCancel }: PeriodPromptProps) {
  const styles = useStyles();
  const [value, setValue] = useState(period.label);
  const [author, setAuthor] = useState(packSettings.author ?? '');
  const [version, setVersion] = useState(packSettings.version ?? '');
  const [useBlue, setUseBlue] = useState(packSettings.useBlue);
  const valid = isReportingPeriod(value);
  return (
    <form
      className={styles.form}
      aria-labelledby="period-prompt-heading"
      data-testid="period-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onBuild(value.trim(), { author: author.trim() || null, version: version.trim() || null, useBlue });
      }}
    >
      <Subtitle2 as="h3" id="period-prompt-heading" className={styles.heading}>
        Which period does the board pack report on?
      </Subtitle2>
      <Field
        label="Reporting period"
        hint={`Default: ${period.label}, ${period.why}. Overdue is judged at the end of the period.`}
        validationState={valid ? 'none' : 'error'}
        validationMessage={valid ? undefined : 'Write a financial-year quarter, such as "Q2 2025/26" (July to September 2025).'}
      >
        <Input value={value} onChange={(_e, data) => setValue(data.value)} autoFocus data-testid="period-input" />
      </Field>
      <Field label="Author" hint="Shown on the cover, e.g. your name and team.">
        <Input value={author} onChange={(_e, data) => setAuthor(data.value)} data-testid="author-input" />
      </Field>
      <Field label="Version" hint='Shown on the cover, e.g. "Draft 2" or "1.0 final".'>
        <Input value={version} onChange={(_e, data) => setVersion(data.value)} data-testid="version-input" />
      </Field>
      <Checkbox
        checked={useBlue}
        onChange={(_e, data) => setUseBlue(data.checked === true)}
        label="Show complete actions as Blue (when not ticked, complete is Green)"
        data-testid="use-blue"
      />
      <Caption1 className={styles.note}>Author, version and Blue are saved in the Plan Settings sheet, so the next pack uses them too.</Caption1>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={!valid}>
          {valid ? `Build for ${value.trim()}` : 'Build'}
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
