/**
 * Links actions to the KPIs that measure them, from the action's measures text: by KPI id ("KPI-01; KPI-02",
 * "KPI 1"), by ASCOF code ("ASCOF 2A" links the KPI whose code is ASCOF 2A; codes compare in canonical form, so
 * "ASCOF 2Aii" is 2A(2)), or by a local code written out in full ("ACAS Indicator 8.5a"). Gives each action its
 * linked KPIs' RAG and the worst of them, for the Plan sheet to show later.
 */
import { findFrameworkCodes } from '../ascof';
import { Action, KpiReport, Rag } from '../schema';
import { normalise } from '../text';
import { codeCitations } from './read';

export interface LinkedKpi {
  id: string;
  rag: Rag | null;
  /** How the measures text names the KPI. */
  via: 'id' | 'code';
}

export interface ActionKpiLink {
  ref: string | null;
  source: Action['source'];
  kpis: LinkedKpi[];
  /** The worst linked RAG: Red, then Amber, then Green; Grey only when every linked KPI is Grey; null with none. */
  rag: Rag | null;
  /** ASCOF codes the measures cite that no KPI in the register carries. */
  unmatchedCodes: string[];
}

const RAG_ORDER: Rag[] = ['Red', 'Amber', 'Green', 'Blue', 'Grey'];

export function worstRag(rags: (Rag | null)[]): Rag | null {
  const present = rags.filter((r): r is Rag => r !== null);
  for (const r of RAG_ORDER) if (present.includes(r)) return r;
  return null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for an id as officers retype it: any case, any separator, leading zeros optional ("KPI-01" ~ "kpi 1"). */
function idPattern(id: string): RegExp | null {
  const parts = id.match(/[A-Za-z]+|\d+/g);
  if (!parts || !/[A-Za-z]/.test(id) || !/\d/.test(id)) {
    // An id with no letters or no digits is too easily found by accident ("1", "A"): exact, whole words only.
    return id.length >= 4 ? new RegExp(`(?<![A-Za-z0-9])${escape(id)}(?![A-Za-z0-9])`, 'i') : null;
  }
  const body = parts.map((p) => (/^\d+$/.test(p) ? `0*${String(Number(p))}` : escape(p))).join('[\\s\\-_./]*');
  return new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'i');
}

export function linkActionsToKpis(actions: readonly Pick<Action, 'ref' | 'measures' | 'source'>[], kpis: readonly KpiReport[]): ActionKpiLink[] {
  const link = linker(kpis);
  return actions.map(link);
}

/** Links one action at a time to the KPIs given, each KPI's id pattern and codes prepared once. */
function linker(kpis: readonly KpiReport[]): (a: Pick<Action, 'ref' | 'measures' | 'source'>) => ActionKpiLink {
  const prepared = kpis.map((k) => {
    const citations = k.code ? codeCitations(k.code) : [];
    return {
      kpi: k,
      pattern: idPattern(k.id),
      codes: new Set(citations.map((c) => c.code.toUpperCase())),
      local: k.code && !citations.length ? normalise(k.code) : null,
    };
  });
  const allCodes = new Set(prepared.flatMap((p) => [...p.codes]));
  // Normalising every action's measures is only worth it when some KPI has a local code to look for.
  const anyLocal = prepared.some((p) => p.local);
  return (a) => {
    const measures = a.measures ?? '';
    const cited = findFrameworkCodes(measures).map((c) => c.code.toUpperCase());
    const normalised = anyLocal ? ` ${normalise(measures)} ` : '';
    const linked = new Map<string, LinkedKpi>();
    for (const p of prepared) {
      if (!measures) break;
      if (p.pattern?.test(measures)) linked.set(p.kpi.id, { id: p.kpi.id, rag: p.kpi.rag, via: 'id' });
      else if (cited.some((c) => p.codes.has(c)) || (p.local && normalised.includes(` ${p.local} `))) linked.set(p.kpi.id, { id: p.kpi.id, rag: p.kpi.rag, via: 'code' });
    }
    const kpisLinked = [...linked.values()];
    return {
      ref: a.ref,
      source: a.source,
      kpis: kpisLinked,
      rag: worstRag(kpisLinked.map((k) => k.rag)),
      unmatchedCodes: [...new Set(cited.filter((c) => !allCodes.has(c)))],
    };
  };
}

/** Each action's linked-KPI RAG (the worst of its KPIs), in action order. */
export function actionKpiRags(actions: readonly Pick<Action, 'ref' | 'measures' | 'source'>[], kpis: readonly KpiReport[]): (Rag | null)[] {
  // A plan with no KPIs has no links. Otherwise each action's links are made and dropped in turn: the whole list of
  // them (three objects an action) outlived the young generation at 50,000 actions, for a RAG an action.
  if (!kpis.length) return actions.map(() => null);
  const link = linker(kpis);
  return actions.map((a) => link(a).rag);
}
