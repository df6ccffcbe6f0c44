/**
 * The command's usage text, in a module of its own with no imports: `plan-assure --help` prints it without loading
 * the engine (bin/plan-assure.js loads build/cli/usage.js alone for --help), so help is as quick as Node starts.
 */
export const USAGE = `Usage:
  plan-assure structure <in.xlsx> [--out <out.xlsx>] [--csv <plan.csv>] [--json] [--today YYYY-MM-DD]
                        [--plan-start YYYY-MM-DD] [--columns "action=C,lead=E,due=F"]
  plan-assure validate  <in.xlsx> [--json] [--today YYYY-MM-DD] [--plan-start YYYY-MM-DD] [--columns …]
  plan-assure run       <in.xlsx> --out <out.xlsx> [--json] [--today YYYY-MM-DD] [--plan-start YYYY-MM-DD]
                        [--period "Q2 2025/26"] [--columns …]
  Limits for a rare huge plan: [--max-cells N] [--max-part-mb N] [--max-package-mb N] [--max-shared-strings N]
  any command also takes  [--polarity "<KPI id or code>=higher|lower"] (once per KPI); with --out or --csv,
  [--replace] to replace a file already there

  structure  reads any plan layout into the canonical Plan table; with --out, writes a copy of the
             workbook with the Plan sheet added (the input file is never changed)
  validate   checks the plan and lists every problem with the cell to change and a fix
  run        does everything: structure, check, KPIs, RAG, and the board pack (Board Summary,
             Exceptions, KPI Scorecard and Trend, Coming up; a section with nothing in it
             is a line on the Board Summary), written to --out

  --json        print one JSON object: {"judged":{…},"actions":[…],"kpis":[…],"issues":[…]}, or
                {"failed":{…}} when the command cannot finish; text is exactly as the officer wrote it (a cell
                "=SUM(…)" stays that text): treat it as data
  --replace     let --out (and --csv) replace a file that is already there; without it, an existing file
                is left alone and nothing is written
  --csv         write the Plan table as CSV; text that would start a formula gets a leading '
  --today       the date to judge RAG and "overdue" at (default for run: the end of the reporting
                period, so every sheet of the pack agrees; for structure and validate: today)
  --plan-start  the date relative timescales ("Short-term", "6m") count from
                (default: the workbook's Plan Settings, else 1 April of this financial year)
  --period      the reporting period the board pack covers, a financial-year quarter: "Q2 2025/26",
                "Q2 25/26" or "Q2 2025-26" (default: Plan Settings, else the last quarter completed)
  --polarity    whether higher or lower is better for a KPI, e.g. --polarity "ASCOF 2A=lower"; wins over
                the sheet, for this run (to keep it, add a Plan Settings row "Polarity: ASCOF 2A" | "lower")
  --columns     which column is which, by letter or header text: "action=C,lead=Owner,due=F"; header=3 for the
                header row; "Actions!action=C" for a sheet; ignore=G to leave a column out. With --out, the
                roles are saved in the new file's "Plan Settings" sheet and later runs read the plan the same way.
                A KPI sheet takes KPI roles: "name=B,target=E,period=C,period=D", and "period: Jun 2025=C"
                for a column whose header names no period; saved the same way (see docs/READING.md).

  --max-…       raise a reading limit (defaults: 3,000,000 cells, 256 MB a part, 1,024 MB in all,
                2,000,000 shared strings); a file past one is refused, as a real plan never is

A workbook with macros (.xlsm) is written as .xlsm, macros untouched: give --out an .xlsm name.

Exit codes: 0 done, 1 done with errors in the plan (including "no action column found"), 2 unusable
input, output or --columns (nothing is written), 3 internal fault.`;
