/**
 * Before a write replaces any sheet PlanAssure wrote earlier: which sheets go, what is on them that the new version
 * will not hold (what the officer typed there), whether a copy is kept to restore, and a confirm. Nothing is written
 * until the officer confirms.
 */
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ACTION_LABELS, PendingConfirm } from '../controller';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  cells: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  cell: { overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const EXCEPTIONS = 'exceptions';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export default function ReplaceConfirm({ pending, onAnswer }: { pending: PendingConfirm; onAnswer: (ok: boolean) => void }) {
  const styles = useStyles();
  const { preview, action } = pending;
  const restoring = action === 'restore';
  const visible = preview.sheets.filter((s) => s.visible);
  const hidden = preview.sheets.length - visible.length;
  const typed = visible.reduce((n, s) => n + s.changedCount, 0);
  const exceptions = visible.some((s) => s.name.toLowerCase() === EXCEPTIONS && s.rewritten);

  return (
    <section className={styles.root} aria-labelledby="confirm-heading" data-testid="replace-preview">
      <Subtitle2 as="h2" id="confirm-heading" className={styles.heading}>
        {restoring ? 'Restore the previous version?' : 'Replace PlanAssure\u2019s sheets?'}
      </Subtitle2>
      <Text>
        {restoring
          ? 'These sheets will be replaced by the copy kept before the last write. Your own sheets are not changed.'
          : `"${ACTION_LABELS[action]}" will replace these sheets, which PlanAssure wrote earlier. Your own sheets are not changed.`}
      </Text>
      <ul className={styles.list} data-testid="replaced-sheets">
        {visible.map((s) => (
          <li key={s.name} data-testid="replaced-sheet" data-sheet={s.name} data-changed={s.changedCount}>
            <Text weight="semibold">{s.name}</Text>
            <Text>{s.rewritten ? ` (${plural(s.cells, 'filled cell')}): written again.` : ` (${plural(s.cells, 'filled cell')}): removed; another sheet takes its place.`}</Text>
            {s.changedCount ? (
              <>
                <Caption1 as="p" className={styles.cell}>
                  {`${plural(s.changedCount, 'cell holds', 'cells hold')} something the new version will not, such as what you typed there:`}
                </Caption1>
                <ul className={styles.cells}>
                  {s.changed.map((c) => (
                    <li key={c.cell} className={styles.cell} data-testid="replaced-cell" data-cell={c.cell}>
                      <Caption1>{`${c.cell}: \u201c${c.text}\u201d`}</Caption1>
                    </li>
                  ))}
                  {s.changedCount > s.changed.length ? (
                    <li>
                      <Caption1>{`and ${s.changedCount - s.changed.length} more`}</Caption1>
                    </li>
                  ) : null}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {hidden ? <Caption1>{`Also ${plural(hidden, 'hidden working sheet')} of PlanAssure\u2019s.`}</Caption1> : null}
      {!typed ? <Text data-testid="nothing-typed">Nothing you typed on these sheets will be lost: the new version holds everything on them.</Text> : null}
      {exceptions && !restoring ? <Text data-testid="commentary-kept">The board commentary you typed on Exceptions is kept: it is carried into the new version.</Text> : null}
      {restoring ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>What comes back</MessageBarTitle>
            Values, formulas and number formats. Other formatting, tables and dropdowns do not: run the action again to re-apply them. There is no copy of what you replace now.
          </MessageBarBody>
        </MessageBar>
      ) : preview.copyKept ? (
        <Caption1 data-testid="copy-kept">A copy of these sheets is kept in the workbook: Restore the previous version brings them back.</Caption1>
      ) : (
        <MessageBar intent="warning" layout="multiline" data-testid="copy-too-big">
          <MessageBarBody>
            <MessageBarTitle>No way back</MessageBarTitle>
            These sheets are too big to keep a copy of in the workbook, so they cannot be restored after this.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => onAnswer(true)} data-testid="confirm-replace">
          {restoring ? 'Restore' : 'Replace and write'}
        </Button>
        <Button onClick={() => onAnswer(false)} data-testid="cancel-replace">
          Cancel
        </Button>
      </div>
    </section>
  );
}
