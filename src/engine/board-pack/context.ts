/** What every board-pack sheet is built from: the plan's actions and KPIs, scored for one reporting period. */
import { KpiReport, Rag } from '../schema';
import { ReportingPeriod } from './reporting-period';
import { SnapshotChange } from './snapshot';
import { PackAction } from './types';

export interface BoardPackContext {
  title: string;
  period: ReportingPeriod;
  next: ReportingPeriod;
  /** The day the pack is made. */
  today: string;
  /** The date RAG and overdue are judged at: the end of the period, or the officer's explicit date. */
  judgedAt: string;
  /** The RAG states this plan shows, in order (Blue only where the plan uses it). */
  states: Rag[];
  marking: string;
  /** From Plan Settings, for the cover; null when not set. */
  author: string | null;
  version: string | null;
  legend: Record<Rag, string>;
  actions: PackAction[];
  kpis: KpiReport[];
  checkSummary: string;
  changes: SnapshotChange[] | null;
  /** One line for each section with nothing to report, said on the Board Summary instead of a page of its own. */
  emptySections: string[];
  /** Each KPI's figures by period, oldest first, for the trend. */
  series: Map<string, { key: number; period: string; value: number }[]>;
}
