/**
 * What a corpus layout is made of: the sheets, each with its title block, tables (columns with their header
 * wordings, optional group labels above them), legends, sign-off lines and footers. A layout plan is data: the
 * catalogue writes plans by hand, the property tests draw them at random from the same parts.
 */
import { Rag, RefStyle, Status, TimescaleForm } from './content';
import { CorpusRole } from './roles';

export interface ColumnPlan {
  role: CorpusRole;
  /** The header as written ('' for a spacer column). */
  header: string;
  /** A group label merged across this and its neighbouring columns with the same label, in a row above. */
  group?: string;
}

/** Heading rows between groups of actions: merged across the table, or a bold label in the first column. */
export type ThemeHeadingStyle = 'merged' | 'bold';
/** A theme column: the theme merged down over its actions, repeated on every row, or on the first row only. */
export type ThemeColumnStyle = 'merged' | 'repeated' | 'first-only';

export interface TablePlan {
  columns: ColumnPlan[];
  /** How many actions the table holds. */
  actions: number;
  /** Needed when the table has a ref column. */
  refStyle?: RefStyle;
  themeHeadings?: ThemeHeadingStyle;
  themeColumn?: ThemeColumnStyle;
  /** How many themes the actions fall into (default 3 with theme headings or a theme column, else 1). */
  groups?: number;
  /** With both a recommendation and an action column: the responses under each recommendation (merged down). */
  responsesPerRecommendation?: number;
  timescaleForms?: readonly TimescaleForm[];
  /** RAG cells filled in their colour (the word is always there too). */
  ragFills?: boolean;
  /** With a milestones column: each action over this many rows, one checkpoint a row. */
  milestoneRows?: number;
  /** With milestone rows: the action's other cells merged down over its rows (else on its first row only). */
  mergeActionRows?: boolean;
  /** A line above the header naming the table ("Part B: …"). */
  caption?: string;
  /** The table's first column (1 = A); a plan often leaves column A empty. */
  firstCol?: number;
}

export type LegendKind = 'status-key' | 'rag-legend' | 'key-cells' | 'key-sentence';
export type LegendPosition = 'above' | 'below' | 'beside';
export type FooterKind = 'page' | 'marking' | 'date-cell' | 'printed' | 'produced-by' | 'print-line';
export type SignOffKind = 'version' | 'signed-off' | 'document-owner';
export type TitleKind = 'full' | 'short' | 'with-meta-row';
/**
 * Small tables that are not plans: a guidance table naming each column and what to enter, and a version history
 * (version, date, author, changes), whose dates, names and sentences look like timescales, leads and actions.
 */
export type ExtraTableKind = 'guidance' | 'version-history';

export interface SheetPlan {
  name: string;
  title?: TitleKind;
  /** Lines of text under the title (a cover sheet's contents or an introduction). */
  lines?: string[];
  tables: TablePlan[];
  legends?: { kind: LegendKind; position: LegendPosition }[];
  signOff?: SignOffKind[];
  footers?: FooterKind[];
  /** Tables that are not plans: on a sheet of their own, or below the plan (after any sign-off lines). */
  extras?: ExtraTableKind[];
}

export interface LayoutPlan {
  id: string;
  /** What the layout is there to test, in a few words. */
  covers: string;
  seed: number;
  sheets: SheetPlan[];
}

/**
 * One action of the truth. A field left undefined is not checked, because the table has no column for it (or,
 * for the due date, the timescale does not give one unambiguously).
 */
export interface TruthAction {
  sheet: string;
  action: string;
  ref?: string;
  lead?: string | null;
  dueDate?: string | null;
  status?: Status;
  rag?: Rag;
}
