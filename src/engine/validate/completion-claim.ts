/**
 * Whether a milestone, timescale or progress text says the action is finished: a line that is only a word of
 * completion ("Completed", "Done", "Achieved", "Delivered"), perhaps with a date ("Completed March 2023",
 * "Complete (30/06/2024)"). A line that goes on to say more ("Complete the market strategy", "Completed phase one;
 * phase two under way") is not such a claim, and neither is a negated or partial one ("Not complete", "Partially
 * achieved"): the line must start with the word.
 */
import { DEFAULT_SETTINGS } from '../schema';
import { parseTimescale } from '../timescale';

const CLAIM = /^(?:(?:action|task|milestone|now|fully|all)\s+)?(completed?|done|achieved|delivered|finished)\b(.*)$/i;

/** The tail after the word, when it is nothing or only a date: "", " - March 2023", " on 12/01/2023". */
function isDateOrNothing(tail: string): boolean {
  const rest = tail
    .replace(/^[\s:,.\-–(]+(?:(?:on|in|by|at)\s+)?/i, '')
    .replace(/[\s.)]+$/, '')
    .trim();
  if (!rest) return true;
  // A date needs no plan start: relative terms ("short-term") are not dates.
  return rest.split(/\s+/).length <= 4 && parseTimescale(rest, null, DEFAULT_SETTINGS.relativeTerms).kind === 'date';
}

/** The first line of `text` that claims completion, or null. */
export function completionClaim(text: string | null): string | null {
  if (!text) return null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^[•\-–*\s]+/, '').trim();
    const m = CLAIM.exec(line);
    if (m && isDateOrNothing(m[2])) return line;
  }
  return null;
}
