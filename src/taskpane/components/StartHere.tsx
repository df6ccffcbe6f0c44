/**
 * "Start here": three first steps, shown on the officer's first open of the pane until they hide it (remembered in
 * the pane's own storage, first-run.ts). The same steps are on the Help page.
 */
import { useState } from 'react';
import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { rememberStartHereSeen, startHereSeen } from '../first-run';
import { HelpLink } from './HelpLink';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  heading: { margin: 0 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  footer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export function StartHere() {
  const styles = useStyles();
  const [hidden, setHidden] = useState(startHereSeen);
  if (hidden) return null;
  const hide = () => {
    rememberStartHereSeen();
    setHidden(true);
  };
  return (
    <section className={styles.root} aria-labelledby="start-here-heading" data-testid="start-here">
      <Subtitle2 as="h2" id="start-here-heading" className={styles.heading}>
        Start here
      </Subtitle2>
      <ol className={styles.steps}>
        <li>
          <Text>
            <strong>Check plan</strong> lists what needs attention, each with its cell and a suggested fix. It writes nothing.
          </Text>
        </li>
        <li>
          <Text>
            <strong>Structure plan</strong> shows how PlanAssure reads your columns. Confirm them, and it writes its own Plan sheet.
          </Text>
        </li>
        <li>
          <Text>
            Put right what matters in your own sheet, check again, then <strong>Build board pack</strong>.
          </Text>
        </li>
      </ol>
      <Text>Your own sheets are never changed: PlanAssure writes only sheets of its own.</Text>
      <div className={styles.footer}>
        <Button size="small" appearance="secondary" onClick={hide}>
          Got it, hide this
        </Button>
        <HelpLink />
      </div>
    </section>
  );
}
