/**
 * The command-line options that raise the reader's limits (src/xlsx/package/limits.ts) for a rare huge plan:
 * --max-cells, --max-part-mb, --max-package-mb and --max-shared-strings, each a whole number.
 */
import { DEFAULT_READ_LIMITS, ReadLimits } from '../xlsx/package/limits';

export const READ_LIMIT_OPTIONS = {
  'max-cells': { type: 'string' },
  'max-part-mb': { type: 'string' },
  'max-package-mb': { type: 'string' },
  'max-shared-strings': { type: 'string' },
} as const;

const KEYS: Record<keyof typeof READ_LIMIT_OPTIONS, keyof ReadLimits> = {
  'max-cells': 'cells',
  'max-part-mb': 'partMegabytes',
  'max-package-mb': 'packageMegabytes',
  'max-shared-strings': 'sharedStrings',
};

/** The limits the options ask for; throws with a message for a value that is not a positive whole number. */
export function readLimitsFrom(values: Partial<Record<keyof typeof READ_LIMIT_OPTIONS, string | undefined>>): ReadLimits {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS };
  for (const [option, key] of Object.entries(KEYS) as [keyof typeof READ_LIMIT_OPTIONS, keyof ReadLimits][]) {
    const raw = values[option];
    if (raw === undefined) continue;
    const n = Number(raw.replace(/[,_]/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${option} takes a positive whole number (got "${raw}"); the default is ${DEFAULT_READ_LIMITS[key].toLocaleString('en-GB')}.`);
    limits[key] = n;
  }
  return limits;
}
