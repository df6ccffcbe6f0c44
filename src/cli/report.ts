/** The JSON report every command prints with --json: {"judged":{…},"actions":[…],"kpis":[…],"issues":[…]}, from the schema. */
import { kpiReports } from '../engine/kpi';
import { Finding, Judgement, Report, reportSchema } from '../engine/schema';
import { StructureResult } from '../engine/structure';

export function buildReport(result: StructureResult, findings: Finding[], judged: Judgement): Report {
  const report: Report = {
    judged,
    actions: result.actions.map((a) => ({
      ref: a.ref,
      theme: a.theme,
      qualityStatement: a.qualityStatement,
      area: a.area,
      action: a.action,
      milestones: a.milestones,
      lead: a.lead,
      timescale: a.timescale,
      dueDate: a.dueDate,
      status: a.status,
      rag: a.rag,
      progress: a.progress,
      measures: a.measures,
      outcomes: a.outcomes,
      source: { sheet: a.source.sheet, row: a.source.row },
    })),
    kpis: kpiReports(result),
    issues: findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, ...(f.fix ? { fix: f.fix } : {}) })),
  };
  // The schema is the contract: a report that breaks it is a bug, caught here rather than by a reader.
  return reportSchema.parse(report);
}
