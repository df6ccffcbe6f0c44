/** What every board-pack sheet is built from: the plan's actions and KPIs, scored for one reporting period. */
import { KpiReport, Rag } from '../schema';
import { ReportingPeriod } from './reporting-period';
import { SnapshotChange } from './snapshot';
import { PackAction } from './types';

export interface BoardPackContext {
  title: string;
  period: ReportingPeriod;
  next: ReportingPeriod;
  today: string;
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
