/** Progress of the running action, with a Cancel that works until writing starts. */
import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { ACTION_LABELS, PaneController } from '../controller';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export function Progress({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { model, cancel } = controller;
  const progress = model.progress;
  const action = model.running ? ACTION_LABELS[model.running] : '';
  const writing = progress?.writing ?? false;
  const label = progress ? `${action}: step ${progress.index} of ${progress.total}, ${progress.label.toLowerCase()}…` : `${action}: starting…`;
  return (
    <section className={styles.root} aria-label="Progress" data-testid="progress">
      <Text id="progress-label" role="status" aria-live="polite">
        {label}
      </Text>
      <ProgressBar value={progress ? (progress.index - 1) / progress.total : undefined} aria-labelledby="progress-label" thickness="large" />
      <div className={styles.row}>
        <Text size={200}>
          {writing ? 'Writing to the workbook: this cannot be stopped now.' : model.review || model.confirm ? 'Confirm or cancel below.' : 'Nothing is written until the last steps.'}
        </Text>
        {model.review || model.confirm ? null : (
          <Button onClick={cancel} disabled={writing || model.cancelRequested}>
            {model.cancelRequested ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
      </div>
    </section>
  );
}
