/**
 * The Excel formulas of the KPI register, as text. Each mirrors an engine function (named in its comment) so the
 * workbook and the JSON report agree; the tests evaluate them with HyperFormula and LibreOffice.
 *
 * Only functions from the original Office Open XML function set are used (IF, IFERROR, AND, OR, ISNUMBER, FIND,
 * MID, LEFT, RIGHT, LEN, TRIM, UPPER, VALUE, INT, MOD, ABS, YEAR, MONTH, CHOOSE, INDEX, MATCH, LARGE, COUNTIF, MAX):
 * newer ones such as MAXIFS must be stored with an "_xlfn." prefix in .xlsx files, which neither the declarative sheet
 * plan nor HyperFormula knows about, and Excel shows #NAME? without it. "The latest period of KPI k" is therefore
 * LARGE(composite, COUNTIF(composite, ">"&cap) + 1), over composite numbers k × 10000 + period key (at most nine
 * digits, so every engine compares them exactly).
 */
import { BASE_MONTH, MAX_OFFSET, MONTH_CODES } from './period';

/** A string literal in a formula. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Whether the single character `expr` is one of `set` ("|1|2|3|4|"): "" never is. */
function inSet(expr: string, set: string): string {
  return `ISNUMBER(FIND("|"&${expr}&"|","${set}"))`;
}

/**
 * The "shape" of a period text: every digit written as 9 ("Q1 2025/26" → "Q9 9999/99"), so the grammar's digit tests
 * are plain comparisons. Mirrors the digit tests of period.ts `textMonthKind`.
 */
export function shapeFormula(t: string): string {
  let f = t;
  for (let d = 0; d <= 8; d++) f = `SUBSTITUTE(${f},"${d}","9")`;
  return f;
}

/**
 * Month-kind number of the trimmed, upper-cased text in cell `t` (with its shape in cell `s`), or an error/"" when it
 * is not a period. Mirrors period.ts `textMonthKind` branch by branch.
 */
export function textMonthKindFormula(t: string, s: string): string {
  const quarterYear = `IF(MID(${s},6,2)="99",VALUE(MID(${t},4,4)),2000+VALUE(MID(${t},4,2)))`;
  const quarter = `(${quarterYear}*12+3+3*VALUE(MID(${t},2,1)))*10+2`;
  const isQuarter = `AND(LEFT(${t},1)="Q",${inSet(`MID(${t},2,1)`, '|1|2|3|4|')},MID(${s},4,2)="99")`;
  const year = `IF(LEN(${t})=4,(VALUE(LEFT(${t},4))*12+12)*10+4,IF(AND(LEN(${t})<=9,OR(MID(${t},5,1)="/",MID(${t},5,1)="-"),MID(${s},6,2)="99"),(VALUE(LEFT(${t},4))*12+15)*10+3,""))`;
  const find = `FIND(LEFT(${t},3),"${MONTH_CODES}")`;
  const monthYear = `IF(RIGHT(${s},4)="9999",VALUE(RIGHT(${t},4)),IF(RIGHT(${s},2)="99",2000+VALUE(RIGHT(${t},2)),""))`;
  const month = `IF(LEN(${t})>=5,IF(ISNUMBER(${find}),IF(MOD(${find},3)=1,(${monthYear}*12+(${find}+2)/3)*10+1,""),""),"")`;
  return `IF(${isQuarter},${quarter},IF(LEFT(${s},4)="9999",${year},${month}))`;
}

/** The day after Excel's last date (31/12/9999): from it on, apps differ in what YEAR gives (#NUM! in Excel, a year elsewhere). */
const PAST_LAST_DATE = 2958466;

/** Month-kind number of a number cell (a year below 3000, else a date serial). Mirrors `numberMonthKind`. */
export function numberMonthKindFormula(src: string): string {
  return `IF(${src}<3000,IF(${src}=INT(${src}),(${src}*12+12)*10+4,""),IF(${src}<${PAST_LAST_DATE},(YEAR(${src})*12+MONTH(${src}))*10+1,""))`;
}

/**
 * Upper-cased, trimmed text of a text cell (the `t` the period grammar reads); "" for a number or date, which the
 * month-kind formula reads as a number, and whose text apps write differently (1E+20, 1E+020, 100000000000000000000).
 */
export function periodTextFormula(src: string): string {
  return `IF(ISNUMBER(${src}),"",UPPER(TRIM(${src}&"")))`;
}

/** Month-kind number of cell `src`, whose trimmed upper-case text is in cell `t` and its shape in `s`; "" when not a period. */
export function monthKindFormula(src: string, t: string, s: string): string {
  return `IFERROR(IF(ISNUMBER(${src}),${numberMonthKindFormula(src)},${textMonthKindFormula(t, s)}),"")`;
}

/** Period key from a month-kind cell. Mirrors `keyFromMonthKind`. */
export function keyFromMonthKindFormula(mk: string): string {
  return `IF(ISNUMBER(${mk}),IF(AND(INT(${mk}/10)-${BASE_MONTH}>=1,INT(${mk}/10)-${BASE_MONTH}<=${MAX_OFFSET}),${mk}-${BASE_MONTH * 10},""),"")`;
}

/** The canonical label of a period key held in `key`. Mirrors `periodLabel`. */
export function labelFormula(key: string): string {
  const m = `(INT(${key}/10)+${BASE_MONTH})`;
  const year = `INT((${m}-1)/12)`;
  const month = `(${m}-12*${year})`;
  const kind = `(${key}-10*INT(${key}/10))`;
  const monthName = `CHOOSE(${month},"Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec")&" "&${year}`;
  const quarter = `"Q"&IF(${month}<=3,4,(${month}-3)/3)&" "&IF(${month}<=3,${year}-1,${year})&"/"&RIGHT(IF(${month}<=3,${year},${year}+1),2)`;
  const fy = `(${year}-1)&"/"&RIGHT(${year},2)`;
  return `CHOOSE(${kind},${monthName},${quarter},${fy},""&${year})`;
}

/**
 * 1 when the latest key `latest` is older than the most recent period of its kind by the end of reporting key
 * `reporting` (or there is no latest), else 0. Mirrors `expectedEndOffset`.
 */
export function staleFormula(latest: string, reporting: string): string {
  const r = `INT(${reporting}/10)`;
  const kind = `(${latest}-10*INT(${latest}/10))`;
  const expected = `CHOOSE(${kind},${r},${r}-MOD(${r},3),${r}-MOD(${r}-3,12),${r}-MOD(${r},12))`;
  return `IF(${latest}=0,1,IF(INT(${latest}/10)<${expected},1,0))`;
}

/** The value multiplier for a ratio, by unit. Mirrors `unitScale`. */
export function scaleFormula(unit: string): string {
  return `IF(${unit}="percentage",100,IF(${unit}="rate per 100,000",100000,1))`;
}
