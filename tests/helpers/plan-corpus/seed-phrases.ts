/**
 * The header phrases the engine knew before issue 14: its FIELD_SYNONYMS at commit 1a7d00e, which grew from the
 * seeds' own headers. Frozen here on purpose: the corpus must avoid what the engine was taught from the seeds,
 * whatever the engine's vocabulary becomes, so the check stays the same when that list is replaced.
 */
export const PRE_ISSUE_14_HEADER_PHRASES: Record<string, readonly string[]> = {
  ref: ['ref', 'action ref', 'ref no', 'reference', 'no', 'number', 'id', 'action id', 'action no', 'item', 'rec no', 'recommendation no'],
  theme: ['theme', 'aim', 'cqc theme', 'strategic theme', 'section', 'domain', 'strategic aim', 'ambition'],
  qualityStatement: ['quality statement', 'cqc quality statement', 'quality statements', 'qs'],
  area: [
    'area', 'areas of focus', 'area of focus', 'areas of focus identified within the report', 'priority', 'priorities',
    'recommendation', 'issue', 'finding', 'key line of enquiry', 'objective', 'sub theme', 'focus', 'workstream area',
  ],
  action: [
    'action', 'actions', 'key actions', 'key action', 'actions we are taking', 'workstream', 'workstreams', 'improvement action',
    'improvement actions', 'what we will do', 'activity', 'activities', 'task', 'action required', 'actions to be taken',
    'action to be taken', 'planned action', 'planned actions', 'what will we do',
  ],
  milestones: ['milestones', 'milestone', 'key milestones', 'deliverables', 'key deliverables'],
  lead: [
    'lead', 'owner', 'responsible', 'responsible manager', 'responsible lead officer', 'responsible hos senior manager',
    'responsible officer', 'lead officer', 'accountable officer', 'by whom', 'who', 'action owner', 'lead officer s', 'responsible lead',
  ],
  timescale: [
    'timescale', 'timescales', 'estimated timescales', 'estimated timescale', 'target date', 'deadline', 'by when', 'when',
    'completion date', 'timeframe', 'time frame', 'target completion date', 'date',
  ],
  dueDate: ['due date', 'due', 'date due'],
  status: ['status', 'progress status', 'current status', 'action status', 'delivery status'],
  rag: ['rag', 'rag status', 'rag rating', 'brag', 'brag status', 'rating', 'rag rated'],
  progress: [
    'progress', 'progress report', 'update', 'progress to date', 'progress update', 'latest update', 'updates',
    'comments', 'commentary', 'evidence', 'current position', 'position', 'latest progress',
  ],
  measures: [
    'measures', 'how we will know it has worked', 'we will know we have made a difference by kpis', 'key performance indicators',
    'kpis', 'kpi', 'outcome measures', 'success measures', 'measures of success', 'measure of success', 'performance measures',
    'how will we measure success', 'how will we know', 'indicators', 'success criteria',
  ],
  outcomes: [
    'outcomes', 'outcome', 'impact', 'outcomes for users of services and their carers', 'expected outcome', 'expected outcomes',
    'intended outcomes', 'benefits', 'desired outcome',
  ],
  lastUpdated: ['last updated', 'date updated', 'updated', 'date of update', 'last update'],
};
