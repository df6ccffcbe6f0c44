/**
 * The link to the help page that ships with the add-in (help.html, built from docs/ by scripts/help-pages.js): it
 * opens beside Excel in a new window and needs no other website.
 */
import { Link, makeStyles } from '@fluentui/react-components';

export const HELP_PAGE = 'help.html';

const useStyles = makeStyles({
  srOnly: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
});

export function HelpLink() {
  const styles = useStyles();
  return (
    <Link href={HELP_PAGE} target="_blank" rel="noopener noreferrer" data-testid="help-link">
      Help
      <span className={styles.srOnly}> (opens in a new window)</span>
    </Link>
  );
}
