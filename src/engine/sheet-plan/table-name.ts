/**
 * A table's name is taken workbook-wide: tables and defined names share one namespace, case-insensitively, across all
 * sheets (office-js#551; Excel refuses the clash, or repairs a file that has one). When the officer's workbook already
 * uses the name a plan gives its table, both adapters give the next free one and tell the officer in these words.
 */

/** What already holds a name: one of the officer's defined names, or a table on one of the officer's sheets. */
export type TableNameHolder = { kind: 'name' } | { kind: 'table'; sheet: string };

/**
 * Takes a name for a table planned as `planned` on the sheet `sheet`: the planned one if free in `taken` (lower-cased
 * names, and what holds each), else it with 2, 3… after it. The name given is taken from then on; `notice` tells the
 * officer why a table was given another name, or is null.
 */
export function claimTableName(planned: string, sheet: string, taken: Map<string, TableNameHolder>): { given: string; notice: string | null } {
  const holder = taken.get(planned.toLowerCase());
  let given = planned;
  for (let n = 2; taken.has(given.toLowerCase()); n++) given = `${planned}${n}`;
  taken.set(given.toLowerCase(), { kind: 'table', sheet });
  return { given, notice: holder ? renamedTableMessage(planned, given, holder) : null };
}

/** The officer's note for a table given another name than planned, saying what already held the name. */
function renamedTableMessage(planned: string, given: string, holder: TableNameHolder): string {
  const held =
    holder.kind === 'name'
      ? `a name "${planned}" (Formulas > Name Manager), which Excel will not let a table share`
      : `a table called "${planned}" on the sheet "${holder.sheet}", and Excel will not let two tables share a name`;
  return `Your workbook already has ${held}, so PlanAssure called its table "${given}".`;
}
