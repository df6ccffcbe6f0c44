/**
 * A table's name is taken workbook-wide: tables and defined names share one namespace, case-insensitively, across all
 * sheets (office-js#551; Excel refuses the clash, or repairs a file that has one). When the officer's workbook already
 * uses the name a plan gives its table, both adapters give the next free one and tell the officer in these words.
 */

/** What already holds a name: one of the officer's defined names, or a table on one of the officer's sheets. */
export type TableNameHolder = { kind: 'name' } | { kind: 'table'; sheet: string };

/** The first name free of `taken` (lower-cased names): the planned one, else it with 2, 3… after it. */
export function freeTableName(planned: string, taken: { has(lowerName: string): boolean }): string {
  let given = planned;
  for (let n = 2; taken.has(given.toLowerCase()); n++) given = `${planned}${n}`;
  return given;
}

/** The officer's note for a table given another name than planned, saying what already held the name. */
export function renamedTableMessage(planned: string, given: string, holder: TableNameHolder): string {
  const held =
    holder.kind === 'name'
      ? `a name "${planned}" (Formulas > Name Manager), which Excel will not let a table share`
      : `a table called "${planned}" on the sheet "${holder.sheet}", and Excel will not let two tables share a name`;
  return `Your workbook already has ${held}, so PlanAssure called its table "${given}".`;
}
