/**
 * "Restore the previous version": Excel has no undo for what an add-in writes, so each write keeps a copy of the
 * tool's sheets it replaced (a very hidden sheet); this brings them back, after the same confirm as any write.
 */
import { Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { PaneController } from '../controller';
import { ukDateTime } from '../settings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  description: { color: tokens.colorNeutralForeground2 },
});

export default function RestorePrevious({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { model, run } = controller;
  const previous = model.state?.previousVersion;
  if (!previous) return null;
  const names = previous.sheets.length ? previous.sheets.map((n) => `\u201c${n}\u201d`).join(', ') : 'none: restoring removes the sheets it wrote';
  return (
    <section className={styles.section} aria-labelledby="restore-heading" data-testid="restore">
      <Subtitle2 as="h2" id="restore-heading" className={styles.heading}>
        Way back
      </Subtitle2>
      <Button appearance="secondary" disabled={model.phase !== 'ready' || !!model.running} onClick={() => void run('restore')} aria-describedby="restore-description" data-action="restore">
        Restore the previous version
      </Button>
      <Caption1 id="restore-description" className={styles.description}>
        {`PlanAssure's sheets as they were before its write of ${ukDateTime(previous.at)}. Sheets then: ${names}. You confirm first.`}
      </Caption1>
    </section>
  );
}
