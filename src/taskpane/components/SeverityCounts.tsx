/**
 * The findings by severity, each with a badge. A count of zero is neutral (an outline, no colour): "0 errors" is good
 * news and must not look like an alarm. Non-zero counts take their severity's colour in both themes.
 */
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Severity } from '../../engine/schema';

const SEVERITIES: { severity: Severity; one: string; many: string; appearance: 'filled' | 'tint'; color: 'danger' | 'warning' | 'brand' }[] = [
  { severity: 'error', one: 'error', many: 'errors', appearance: 'filled', color: 'danger' },
  { severity: 'warning', one: 'warning', many: 'warnings', appearance: 'filled', color: 'warning' },
  { severity: 'info', one: 'note', many: 'notes', appearance: 'tint', color: 'brand' },
];

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  count: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export function SeverityCounts({ counts }: { counts: Record<Severity, number> }) {
  const styles = useStyles();
  return (
    <div className={styles.counts} aria-label="Findings by severity" role="group">
      {SEVERITIES.map(({ severity, one, many, appearance, color }) => {
        const value = counts[severity];
        return (
          <span key={severity} className={styles.count} data-testid={`count-${many}`} data-count={value}>
            <Badge
              data-testid="count-badge"
              data-tone={value ? color : 'neutral'}
              appearance={value ? appearance : 'outline'}
              color={value ? color : 'informative'}
              shape="circular"
              aria-hidden
            >
              {value}
            </Badge>
            <Text>{`${value} ${value === 1 ? one : many}`}</Text>
          </span>
        );
      })}
    </div>
  );
}
