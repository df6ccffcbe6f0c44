/**
 * The plan's RAG states as Plan Settings rows (Setting | Value), so a council can say what its colours mean:
 *   "Blue means"             | "Within tolerance"   the word a state is shown with (the legend)
 *   "RAG when overdue"       | "Amber"              the state a situation gives an action with no RAG entered
 *   "Use Blue"               | "no"                 complete actions show Green, and Blue is not listed
 *   "No update after days"   | "90"                 an update older than this at the period end is "No update"
 * The situations are those of settings.ragRules, in words (docs/BOARD-PACK-RAG.md lists them).
 */
import { DEFAULT_RAG_LEGEND, DEFAULT_SETTINGS, PlanSettings } from '../schema';
import { normalise } from '../text';
import { matchRag } from '../vocabulary';

type RagRules = PlanSettings['ragRules'];

/** Each situation of settings.ragRules in the words a Plan Settings row uses ("RAG when …"). */
export const RAG_SITUATIONS: Record<keyof RagRules, string> = {
  complete: 'complete',
  offTrack: 'off track',
  overdue: 'overdue',
  atRisk: 'at risk',
  dueSoonNotStarted: 'not started and due soon',
  onTrack: 'on track',
  inProgress: 'in progress',
  notStarted: 'not started',
  noStatus: 'no status',
  noUpdate: 'no update',
};

const YES = /^(yes|y|true|on|1)$/;
const NO = /^(no|n|false|off|0)$/;

/**
 * The RAG settings a Plan Settings row gives, merged over `current` (what earlier rows gave); null when the row is
 * not a RAG setting or its value cannot be read (the row is then ignored, as every unreadable setting is).
 */
export function readRagSetting(setting: string, value: string, current: Partial<PlanSettings>): Partial<PlanSettings> | null {
  const label = normalise(setting);
  const v = normalise(value);
  if (!v) return null;
  if (label === 'use blue') return YES.test(v) ? { useBlue: true } : NO.test(v) ? { useBlue: false } : null;
  if (label === 'no update after days' || label === 'no update days') {
    const n = Number(v);
    return Number.isInteger(n) && n >= 0 ? { noUpdateDays: n } : null;
  }
  const means = /^(.+?) means$/.exec(label);
  if (means) {
    const rag = matchRag(means[1]);
    return rag ? { ragLegend: { ...DEFAULT_RAG_LEGEND, ...current.ragLegend, [rag]: value.trim() } } : null;
  }
  const when = /^rag (?:when|for) (.+)$/.exec(label);
  if (when) {
    const situation = (Object.keys(RAG_SITUATIONS) as (keyof RagRules)[]).find((k) => RAG_SITUATIONS[k] === when[1] || (k === 'dueSoonNotStarted' && when[1] === 'due soon and not started'));
    const rag = matchRag(value);
    return situation && rag ? { ragRules: { ...(current.ragRules ?? DEFAULT_SETTINGS.ragRules), [situation]: rag } } : null;
  }
  return null;
}
