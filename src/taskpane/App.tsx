/**
 * PlanAssure task pane: the shell. Shows what PlanAssure will do; the actions are disabled until the
 * engine is wired in by a later change.
 *
 * Renders straight away, with or without Office: outside Excel Office.onReady may never fire, so
 * the pane starts in the light theme and switches to dark only once Office reports a dark theme.
 */
import { useEffect, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  Title2,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';

export type PaneTheme = 'light' | 'dark';

/** The actions PlanAssure will offer, in the order an officer would use them. */
export const FUTURE_ACTIONS = [
  'Check plan',
  'Structure plan',
  'Update KPIs',
  'Apply RAG',
  'Build board pack',
  'Do everything',
] as const;

/** Relative luminance (0 black … 1 white) of a #rgb / #rrggbb colour, or null if unreadable. */
function luminance(colour: string): number | null {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Light or dark, from Office's theme: `isDarkTheme` where the host provides it, otherwise from the
 * task pane's background colour. Light when Office gives no theme at all.
 */
export function paneThemeFrom(officeTheme: Partial<Office.OfficeTheme> | undefined | null): PaneTheme {
  if (!officeTheme) return 'light';
  if (typeof officeTheme.isDarkTheme === 'boolean') return officeTheme.isDarkTheme ? 'dark' : 'light';
  const l = officeTheme.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
  return l !== null && l < 0.5 ? 'dark' : 'light';
}

/** Office's theme once Office.js is ready; never settles outside an Office host. */
function useOfficeTheme(): PaneTheme {
  const [theme, setTheme] = useState<PaneTheme>('light');
  useEffect(() => {
    if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return;
    let live = true;
    Office.onReady()
      .then(() => {
        if (live) setTheme(paneThemeFrom(Office.context?.officeTheme));
      })
      .catch(() => {
        // No Office host: keep the light theme.
      });
    return () => {
      live = false;
    };
  }, []);
  return theme;
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
  actions: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  action: { width: '100%' },
});

export function App({ theme }: { theme?: PaneTheme }) {
  const officeTheme = useOfficeTheme();
  const styles = useStyles();
  const active = theme ?? officeTheme;
  return (
    <FluentProvider theme={active === 'dark' ? webDarkTheme : webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1" className={styles.heading}>
          PlanAssure
        </Title2>
        <Body1>
          Check, structure and RAG-rate adult social care improvement plans, and build the board pack.
        </Body1>
        <ul className={styles.actions} aria-label="PlanAssure actions">
          {FUTURE_ACTIONS.map((label) => (
            <li key={label}>
              <Button className={styles.action} disabled>
                {label}
              </Button>
            </li>
          ))}
        </ul>
        <Caption1>These actions are not available yet in this version.</Caption1>
      </main>
    </FluentProvider>
  );
}
