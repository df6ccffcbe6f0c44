/**
 * Light or dark, following Office's theme. Renders at once in the light theme: outside Excel Office.onReady may never
 * fire, so the pane switches to dark only once Office reports a dark theme (and follows later theme changes where
 * Office reports them).
 */
import { useEffect, useState } from 'react';

export type PaneTheme = 'light' | 'dark';

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

/** Office's theme once Office.js is ready; stays light outside an Office host. */
export function useOfficeTheme(): PaneTheme {
  const [theme, setTheme] = useState<PaneTheme>('light');
  useEffect(() => {
    if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return;
    let live = true;
    const read = () => {
      if (live) setTheme(paneThemeFrom(Office.context?.officeTheme));
    };
    Office.onReady()
      .then(() => {
        read();
        // Excel raises this when the officer changes the Office theme (where the host supports it).
        try {
          Office.context?.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, read);
        } catch {
          // Not supported here: the theme is read once.
        }
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
