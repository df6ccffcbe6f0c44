/**
 * The tables already in the workbook, loaded in a request that is made anyway: a table name is taken workbook-wide
 * (tables and defined names share one namespace, office-js#551), so the write must know them to pick a free one.
 */

/** A table already in the workbook, and the sheet it is on. */
export interface WorkbookTable {
  name: string;
  sheet: string;
}

/** What is loaded of workbook.tables: each table's name and its sheet's (Table.worksheet, ExcelApi 1.1). */
export const TABLES_LOAD = 'items/name,items/worksheet/name';

/** The tables, after a sync that loaded them with TABLES_LOAD. */
export function tablesFrom(tables: Excel.TableCollection): WorkbookTable[] {
  return tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
}
