/** docs/SCHEMA.md, generated from the zod schema so the documentation cannot drift from the code. */
import { z } from 'zod';
import {
  actionSchema,
  CQC_THEMES,
  DEFAULT_SETTINGS,
  KPI_COLUMNS,
  KPI_DATA_COLUMNS,
  KPI_DATA_SHEET,
  KPI_SHEET,
  kpiDefinitionSchema,
  kpiObservationSchema,
  judgementSchema,
  failureReportSchema,
  PLAN_COLUMNS,
  PLAN_SHEET,
  planSettingsSchema,
  QUALITY_STATEMENT_THEME,
  QUALITY_STATEMENTS,
  RAGS,
  DEFAULT_RAG_LEGEND,
  STATUSES,
  KPI_UNITS,
  POLARITIES,
  ColumnSpec,
} from '../schema';
import { SETTING_LABELS } from '../settings';
import { CQC_THEME_VARIANTS, QUALITY_STATEMENT_VARIANTS, RAG_SYNONYMS, STATUS_SYNONYMS } from '../vocabulary';
import { addToGroup } from '../group';

function describe(schema: z.ZodTypeAny): string {
  return schema.description ?? '';
}

function typeName(schema: z.ZodTypeAny): string {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodTypeAny; entries?: Record<string, string>; element?: z.ZodTypeAny } }).def;
  switch (def.type) {
    case 'nullable':
      return `${typeName(def.innerType!)} or null`;
    case 'optional':
      return `${typeName(def.innerType!)} (optional)`;
    case 'enum':
      return `one of ${Object.values(def.entries!).map((v) => `"${v}"`).join(', ')}`;
    case 'object':
      return 'object';
    case 'array':
      return `list of ${typeName(def.element!)}`;
    default:
      return def.type;
  }
}

function recordTable(title: string, schema: z.ZodObject<z.ZodRawShape>): string {
  const rows = Object.entries(schema.shape).map(([key, field]) => {
    const f = field as z.ZodTypeAny;
    return `| \`${key}\` | ${typeName(f)} | ${describe(f) || (f as unknown as { def: { innerType?: z.ZodTypeAny } }).def.innerType?.description || ''} |`;
  });
  return [`### ${title}`, '', '| field | type | meaning |', '|---|---|---|', ...rows, ''].join('\n');
}

function columnTable(sheet: string, columns: ColumnSpec[]): string {
  const rows = columns.map((c) => `| ${c.header} | \`${c.key}\` | ${c.kind}${c.list ? ` (dropdown: ${c.list.join(' · ')})` : ''}${c.required ? ', required' : ''} |`);
  return [`### The "${sheet}" sheet`, '', '| column header | field | kind |', '|---|---|---|', ...rows, ''].join('\n');
}

/** The rows the "Plan Settings" sheet may hold, from the labels the reader knows and the schema's descriptions. */
function settingsSheetTable(): string {
  const byField = new Map<string, string[]>();
  for (const [label, field] of Object.entries(SETTING_LABELS)) addToGroup(byField, field, label);
  const shape = planSettingsSchema.shape as Record<string, z.ZodTypeAny>;
  const rows = [...byField].map(([field, labels]) => `| ${labels.map((l) => `“${l}”`).join(', ')} | \`${field}\` | ${describe(shape[field]) || (shape[field] as unknown as { def: { innerType?: z.ZodTypeAny } }).def.innerType?.description || ''} |`);
  return [
    '## The "Plan Settings" sheet',
    '',
    'Two columns, Setting and Value, one setting a row; capitals and punctuation in the Setting do not matter. Values here',
    "override PlanAssure's defaults; the task pane's own settings and the command line's options override these.",
    '',
    '| Setting | sets | meaning |',
    '|---|---|---|',
    ...rows,
    '| “Rule: <rule-id>” | `ruleSeverities` | Value error, warning, info or off: changes that rule\'s severity or turns it off (docs/RULES.md) |',
    `| “Polarity: <KPI id or code>” | \`kpiPolarities\` | Value higher or lower (or “Higher is better”, ↑, ↓). ${describe(shape.kpiPolarities)} |`,
    '',
  ].join('\n');
}

export function schemaMarkdown(): string {
  const lines = [
    '# The canonical plan schema',
    '',
    '<!-- Generated from src/engine/schema.ts by `npm run docs`. Do not edit by hand: a test checks it. -->',
    '',
    'Every PlanAssure capability reads and writes this one schema: the Plan table\'s headers and dropdowns, the',
    'KPI sheets, the JSON that `plan-assure … --json` prints, and this page all come from `src/engine/schema.ts`.',
    '',
    '## Records',
    '',
    recordTable('Action', actionSchema),
    recordTable('KPI definition', kpiDefinitionSchema),
    recordTable('KPI observation', kpiObservationSchema),
    recordTable('Plan settings', planSettingsSchema),
    '## The JSON report',
    '',
    '`plan-assure … --json` prints one object: `{"judged":{…},"actions":[…],"kpis":[…],"issues":[…]}`. `actions` are',
    'Action records (without `lastUpdated`), `issues` are the checks\' findings, and `judged` says the date the checks',
    'judged overdue and RAG at:',
    '',
    recordTable('Judgement', judgementSchema),
    'When a command cannot finish (exit 2 or 3), `--json` prints instead one object `{"failed":{…}}`, with the same words',
    'as stderr, so a batch reading stdout gets one object for every workbook:',
    '',
    recordTable('Failure', failureReportSchema.shape.failed),
    '## Sheets the tool writes and reads',
    '',
    columnTable(PLAN_SHEET, PLAN_COLUMNS),
    columnTable(KPI_SHEET, KPI_COLUMNS),
    columnTable(KPI_DATA_SHEET, KPI_DATA_COLUMNS),
    '## Vocabularies',
    '',
    '### Status',
    '',
    '| status | also recognised |',
    '|---|---|',
    ...STATUSES.map((s) => `| ${s} | ${STATUS_SYNONYMS[s].filter((x) => x.toLowerCase() !== s.toLowerCase()).join(', ')} |`),
    '',
    '### RAG',
    '',
    '| RAG | default meaning | also recognised |',
    '|---|---|---|',
    ...RAGS.map((r) => `| ${r} | ${DEFAULT_RAG_LEGEND[r]} | ${RAG_SYNONYMS[r].filter((x) => x.toLowerCase() !== r.toLowerCase()).join(', ')} |`),
    '',
    '### CQC themes and quality statements (assessment framework from April 2023)',
    '',
    '| theme | quality statement | variants recognised |',
    '|---|---|---|',
    ...QUALITY_STATEMENTS.map((q) => `| ${QUALITY_STATEMENT_THEME[q]} | ${q} | ${QUALITY_STATEMENT_VARIANTS[q].join('; ')} |`),
    '',
    `Theme names recognised: ${CQC_THEMES.map((t) => `${t} (${CQC_THEME_VARIANTS[t].join('; ')})`).join(' · ')}.`,
    '',
    `KPI units: ${KPI_UNITS.join(' · ')}. Polarity ("Good is"): ${POLARITIES.join(' · ')}.`,
    '',
    settingsSheetTable(),
    '## Default settings',
    '',
    '```json',
    JSON.stringify(DEFAULT_SETTINGS, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}
