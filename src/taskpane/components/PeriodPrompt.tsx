/**
 * Asked when the officer builds a board pack: which reporting period it covers. The default is filled in (the plan
 * settings' period, else the last quarter completed), so Enter builds it; any other financial-year quarter can be typed.
 */
import { useState } from 'react';
import { Button, Field, Input, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
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
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface PeriodPromptProps {
  /** The period the pack would report on by default, and why, e.g. { label: "Q2 2025/26", why: "the last quarter completed" }. */
  period: { label: string; why: string };
  onBuild: (period: string) => void;
  onCancel: () => void;
}

export function PeriodPrompt({ period, onBuild, onCancel }: PeriodPromptProps) {
  const styles = useStyles();
  const [value, setValue] = useState(period.label);
  const valid = isReportingPeriod(value);
  return (
    <form
      className={styles.form}
      aria-labelledby="period-prompt-heading"
      data-testid="period-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onBuild(value.trim());
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
