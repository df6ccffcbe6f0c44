/**
 * Random corpus layouts for the property tests: a layout is put together from the generator's parts (a subset
 * of roles in any order, each header in any wording style, group labels over neighbouring columns, legends in any
 * position, footers, sign-off lines, theme headings, a second table, a split over sheets). The choices are plain
 * data, so fast-check can draw and shrink them.
 */
import { RefStyle } from './content';
import { ColumnPlan, ExtraTableKind, FooterKind, LayoutPlan, LegendKind, LegendPosition, SheetPlan, SignOffKind, TablePlan, ThemeHeadingStyle, TitleKind } from './plan';
import { CorpusRole, GROUP_LABELS, wording, WordingStyle } from './roles';

/** The roles a random table may have besides its action column. */
export const OPTIONAL_ROLES: readonly CorpusRole[] = ['ref', 'theme', 'milestones', 'lead', 'timescale', 'status', 'rag', 'progress', 'measures', 'outcomes', 'notes', 'spacer'];

export interface LayoutChoices {
  seed: number;
  /** Optional roles, in column order; the action column goes in at `actionAt`. */
  roles: CorpusRole[];
  actionAt: number;
  /** 'action', or an inspection plan: the recommendation is the action, or a recommendation over responses. */
  actionKind: 'action' | 'recommendation' | 'recommendation-and-response';
  style: WordingStyle;
  wordingIndex: number;
  groupHeaders: boolean;
  refStyle: RefStyle;
  themeHeadings: ThemeHeadingStyle | null;
  title: TitleKind | null;
  legends: { kind: LegendKind; position: LegendPosition }[];
  signOff: SignOffKind[];
  footers: FooterKind[];
  secondTable: boolean;
  /** Tables that are not plans, below the plan on the last sheet. */
  extras: ExtraTableKind[];
  sheets: number;
  actions: number;
}

/** Labels runs of neighbouring columns that a group label can sit over. */
function withGroups(columns: ColumnPlan[], pick: number): ColumnPlan[] {
  const out = columns.map((c) => ({ ...c }));
  GROUP_LABELS.forEach((group, g) => {
    if ((g + pick) % 2) return;
    let i = 0;
    while (i < out.length) {
      let end = i;
      while (end < out.length && !out[end].group && group.over.includes(out[end].role)) end++;
      if (end - i >= 2) for (let k = i; k < end; k++) out[k].group = group.label;
      i = Math.max(end, i + 1);
    }
  });
  return out;
}

/** Roles that make a list of actions a plan: a plan's table has at least one of them beside its action. */
const PLAN_ROLES: readonly CorpusRole[] = ['ref', 'lead', 'timescale', 'status', 'rag'];

function tableFrom(choices: LayoutChoices, variant: number): TablePlan {
  const roles = [...choices.roles];
  if (!roles.some((r) => PLAN_ROLES.includes(r))) roles.push('lead');
  const main: CorpusRole[] = choices.actionKind === 'recommendation' ? ['recommendation'] : choices.actionKind === 'action' ? ['action'] : ['recommendation', 'action'];
  roles.splice(Math.min(choices.actionAt, roles.length), 0, ...main);
  // A second table rotates its columns and wording, as a second author would lay it out.
  const ordered = variant ? [...roles.slice(variant % roles.length), ...roles.slice(0, variant % roles.length)] : roles;
  let columns: ColumnPlan[] = ordered.map((role, i) =>
    role === 'spacer' ? { role, header: '' } : { role, header: wording(role, choices.style, choices.wordingIndex + i + variant) },
  );
  if (choices.groupHeaders) columns = withGroups(columns, choices.wordingIndex + variant);
  // Inspection plans hold a dozen recommendations at most.
  const actions = choices.actionKind === 'recommendation' ? Math.min(choices.actions, 5) : choices.actions;
  return {
    columns,
    actions,
    refStyle: choices.refStyle,
    themeHeadings: choices.themeHeadings ?? undefined,
    themeColumn: roles.includes('theme') ? 'merged' : undefined,
    responsesPerRecommendation: 2,
    ragFills: choices.wordingIndex % 2 === 0,
    caption: variant ? 'Further actions agreed at the improvement board' : undefined,
  };
}

export function layoutFromChoices(choices: LayoutChoices): LayoutPlan {
  const sheets: SheetPlan[] = [];
  for (let s = 0; s < choices.sheets; s++) {
    const tables = [tableFrom(choices, 0)];
    if (choices.secondTable && s === 0) tables.push(tableFrom(choices, 1));
    sheets.push({
      name: choices.sheets > 1 ? `Part ${s + 1}` : 'Plan',
      title: s === 0 ? choices.title ?? undefined : undefined,
      tables,
      legends: choices.legends,
      signOff: s === choices.sheets - 1 ? choices.signOff : [],
      footers: choices.footers,
      extras: s === choices.sheets - 1 ? choices.extras : [],
    });
  }
  return { id: 'random', covers: 'random parts', seed: choices.seed, sheets };
}

