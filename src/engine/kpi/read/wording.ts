/** Units, polarity and frequency as written in a cell or implied by a KPI's name. */
import { KpiDefinition, KpiUnit, Polarity } from '../../schema';
import { normalise } from '../../text';

export function parseUnit(text: string): KpiUnit | null {
  const raw = text.trim();
  if (!raw) return null;
  const h = normalise(raw);
  if (/%/.test(raw) || /\b(percent|percentage|proportion|pct|per cent)\b/.test(h)) return 'percentage';
  if (/\bper\s*100\s*(000|k)\b|\brate\b|\bper 100 000\b/.test(h)) return 'rate per 100,000';
  if (/\bdays?\b/.test(h)) return 'days';
  if (/\b(score|index|rating)\b/.test(h)) return 'score';
  if (/\b(number|count|no|total|volume|people|cases|numeric|integer|whole number)\b/.test(h)) return 'number';
  return null;
}

export function unitFromName(name: string): KpiUnit | null {
  const h = normalise(name);
  if (/%/.test(name) || /^(percentage|proportion|percent)\b/.test(h) || /\b(percentage|proportion) of\b/.test(h)) return 'percentage';
  if (/\bper\s*100\s*(000|k)\b|\bper 100 000\b/.test(h)) return 'rate per 100,000';
  if (/\b(days|waiting time|average time|time taken)\b/.test(h)) return 'days';
  if (/\bscore\b/.test(h)) return 'score';
  if (/^(number|no|count|total) of\b/.test(h) || /\bnumber of\b/.test(h)) return 'number';
  return null;
}

export function parsePolarity(text: string): Polarity | null {
  const raw = text.trim();
  if (!raw) return null;
  if (/[↓▼⬇⇩]/.test(raw) || /\b(low|lower|lowest|small|smaller|less|decrease|decreasing|down|reduce|reducing|reduction|minimi[sz]e|fewer)\b/i.test(raw)) return 'lower';
  if (/[↑▲⬆⇧]/.test(raw) || /\b(high|higher|highest|big|bigger|more|increase|increasing|up|maximi[sz]e|greater)\b/i.test(raw)) return 'higher';
  if (/^(h)$/i.test(raw)) return 'higher';
  if (/^(l)$/i.test(raw)) return 'lower';
  return null;
}

export function polarityFromName(name: string): Polarity | null {
  return /\b(waiting|wait|delays?|delayed|admissions?|admitted|backlogs?|overdue|complaints?|turnover|locums?|vacanc(y|ies)|sickness|re-?referrals?|readmissions?|time taken|days to)\b/i.test(name) ? 'lower' : null;
}

export function parseFrequency(text: string): KpiDefinition['frequency'] {
  const h = normalise(text);
  if (/\bmonth/.test(h)) return 'monthly';
  if (/\bquarter/.test(h)) return 'quarterly';
  if (/\b(annual|annually|year|yearly)\b/.test(h)) return 'annual';
  return null;
}
