/** Units, polarity and frequency as written in a cell or implied by a KPI's name. */
import { Direction, KpiDefinition, KpiUnit, Polarity, Rag } from '../../schema';
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

const LOWER_WORDS =
  /\b(waiting|waits?|waited|delays?|delayed|admissions?|admitted|backlogs?|overdue|complaints?|turnover|locums?|agency staff|vacanc(?:y|ies)|sickness|absence|re-?referrals?|readmissions?|re-?admissions?|time taken|days to|(?:average|mean|median) (?:number of )?(?:days|weeks|hours|time)|(?:days|weeks|time) (?:from|between|to)|length of (?:stay|time)|not in (?:employment|education|work|paid)|out of (?:area|county|borough)|repeat|falls?|cost per|overspend|unallocated|awaiting|queue)\b/i;
const HIGHER_WORDS =
  /\b(satisf(?:ied|action)|still at home|at home \d+ days|remain(?:ing)? (?:at home|in the community)|receiving|in receipt|receive|in (?:paid )?(?:employment|work)|paid work|living independently|live independently|own home|quality of life|feel safe|feel in control|control over|social contact|reablement|direct payments?|self-directed|on time|completed|reviewed|uptake|take-up|coverage|compliance|compliant)\b/i;

/** Polarity from the KPI's own words: delays, waits, complaints are lower-is-better; satisfaction, "still at home" higher. Null when the words say nothing or disagree. */
/** "Completed within 28 days": higher is better, unless stronger words say otherwise ("re-referrals within 12 months"). */
const WITHIN_TIME = /\bwithin (?:\d+ (?:working )?(?:days?|hours?|weeks?)|(?:the )?timescales?|target)\b/i;

export function polarityFromName(name: string): Polarity | null {
  const lower = LOWER_WORDS.test(name);
  const higher = HIGHER_WORDS.test(name);
  if (lower !== higher) return lower ? 'lower' : 'higher';
  if (!lower && WITHIN_TIME.test(name)) return 'higher';
  return null;
}

/** A polarity stated in words inside a name, a note or a target: "(higher is better)", "Good is low", "Aim: reduce", "aim to increase". */
export function statedPolarity(text: string): Polarity | null {
  const t = text.toLowerCase();
  const m =
    /\b(higher|lower|high|low|bigger|smaller|more|less|fewer|increase|decrease)\s*(?:is|=)\s*(?:better|good)\b/.exec(t) ??
    /\bgood\s*(?:is|=|:)\s*(high|low|higher|lower|up|down|increase|decrease)\b/.exec(t) ??
    /\baim(?:ing)?\s*(?:is|:|to|=)?\s*(?:to\s+)?(reduce|increase|lower|raise|maximi[sz]e|minimi[sz]e|decrease|improve)\b/.exec(t) ??
    /\bpolarity\s*[:=]?\s*(high|low|higher|lower|positive|negative)\b/.exec(t);
  if (!m) return null;
  if (/^(higher|high|bigger|more|increase|up|raise|maximi[sz]e|positive)$/.test(m[1])) return 'higher';
  if (/^(lower|low|smaller|less|fewer|decrease|down|reduce|minimi[sz]e|negative)$/.test(m[1])) return 'lower';
  return null;
}

/** A comparison written in a target: "≤ 500", "below 500", "no more than 10 days" (lower); "≥ 80%", "at least 80%" (higher). */
export function polarityFromTargetText(text: string): Polarity | null {
  const t = text.trim().toLowerCase();
  if (/^(?:[<≤]|=<|<=)|\b(below|under|less than|fewer than|no more than|at most|maximum|max|or (?:less|lower|below|fewer))\b/.test(t)) return 'lower';
  if (/^(?:[>≥]|=>|>=)|\b(above|over|more than|at least|minimum|min|or (?:more|higher|above|better))\b/.test(t)) return 'higher';
  return null;
}

/** A RAG as councils write it: the colour's word or letter, or a phrase ("On target", "Off track"). */
export function parseStatedRag(text: string): Rag | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  if (/^(n\/?a|no data|not available|tbc)$/.test(t)) return 'Grey';
  const word = /\b(red|amber|yellow|orange|green|blue|grey|gray|r|a|g|b|rag)\b/.exec(t.replace(/[^a-z ]+/g, ' '));
  if (word) {
    const w = word[1];
    if (w === 'red' || w === 'r') return 'Red';
    if (w === 'amber' || w === 'yellow' || w === 'orange' || w === 'a') return 'Amber';
    if (w === 'green' || w === 'g') return 'Green';
    if (w === 'blue' || w === 'b') return 'Blue';
    if (w === 'grey' || w === 'gray') return 'Grey';
  }
  if (/\b(off (?:target|track)|not (?:met|achieved|on (?:target|track))|missed|below target)\b/.test(t)) return 'Red';
  if (/\b(near(?:ly)? (?:target|met)|close to|within tolerance|slightly|at risk)\b/.test(t)) return 'Amber';
  if (/\b(on (?:target|track)|achieved|met|exceeded|exceeding|above target|ahead)\b/.test(t)) return 'Green';
  return null;
}

/**
 * A direction of travel as written: words say it outright ("Improving", "Worse", "Same"); an arrow says which way the
 * figure moved (↑ up, ↓ down), which is improving or worsening by the KPI's polarity.
 */
export function parseStatedDirection(text: string, polarity: Polarity): Direction | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  if (/\b(improv\w*|better|positive)\b/.test(t)) return 'improving';
  if (/\b(wors\w*|declin\w*|deteriorat\w*|negative|poorer)\b/.test(t)) return 'worsening';
  if (/\b(same|no change|unchanged|stable|static|steady|maintained|level|flat|consistent)\b/.test(t) || /^[→↔⇒⇔=⟷➡►▶◄]+$/.test(t)) return 'no change';
  const up = /[↑▲⬆⇧↗]|\bup\b|\bincreas\w*|\bhigher\b|\brising\b/.test(t);
  const down = /[↓▼⬇⇩↘]|\bdown\b|\bdecreas\w*|\blower\b|\bfalling\b/.test(t);
  if (up === down) return null;
  return up === (polarity === 'higher') ? 'improving' : 'worsening';
}

export function parseFrequency(text: string): KpiDefinition['frequency'] {
  const h = normalise(text);
  if (/\bmonth/.test(h)) return 'monthly';
  if (/\bquarter/.test(h)) return 'quarterly';
  if (/\b(annual|annually|year|yearly)\b/.test(h)) return 'annual';
  return null;
}
