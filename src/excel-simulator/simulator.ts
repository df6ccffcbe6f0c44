/**
 * The Excel simulator: an in-memory workbook behind the part of the Excel JavaScript API PlanAssure uses.
 *
 *   const sim = new ExcelSimulator({ model });            // or loadSimulatorFromXlsx(file) in Node
 *   await sim.run(async (context) => { … await context.sync(); … });
 *   sim.stats.syncs; sim.stats.requests[0].payloadBytes; sim.model(); sim.details();
 *
 * It behaves like Excel where bugs hide: values are readable only after load + sync; writes wait for sync; a request
 * over 5,000,000 bytes is refused with RequestPayloadSizeLimitExceeded (and, for Excel on the web, a response over
 * the same size with ResponsePayloadSizeLimitExceeded); strings written to General cells are typed as Excel types
 * them; APIs newer than the configured ExcelApi version fail with ApiNotFound. Null objects behave as in Office.js:
 * an *OrNullObject that finds nothing, and any object reached through a null object (worksheets.getFirst()
 * .getNextOrNullObject()… past the last sheet), can be loaded, reads as isNullObject true and its properties as
 * undefined; changing the workbook through one fails with ItemNotFound. A request's size counts each object path
 * once, as Office.js sends them. No Node imports: it can be bundled.
 */
import { PAYLOAD_LIMIT_BYTES, SimulatorLimits, SimulatorStats } from './context';
import { stateFromModel } from './from-model';
import { RequirementSupport, SimBehaviour, SimHost, SimRequestContext } from './objects';
import { cloneState, emptyState, SimWorkbookState } from './state';
import { simulatorDetails, simulatorModel, SheetDetails } from './export';
import { WorkbookModel } from '../engine/workbook';

export interface SimulatorOptions {
  /** The workbook to start from. */
  model?: WorkbookModel;
  /** The newest ExcelApi requirement set this "Excel" supports (default 1.17). */
  excelApi?: string;
  /** 'web' (default): responses are limited to 5,000,000 bytes, as Excel on the web limits them; 'desktop': they are not. */
  platform?: 'web' | 'desktop';
  /** Overrides: the request limit applies on every platform in the simulator, so that code is always tested against it. */
  requestPayloadBytes?: number;
  responsePayloadBytes?: number | null;
  maxLoadCells?: number;
  /**
   * Page setup's fit-to-pages (PageLayout.zoom with horizontalFitToPages / verticalFitToPages): 'kept' (default), or
   * 'ignored', as Excel does unless the Page Layout tab is open (office-js#1860). Either way each such call is
   * flagged in stats.flagged.
   */
  fitToPages?: 'kept' | 'ignored';
}

function versionAtLeast(have: string, want: string): boolean {
  const [ha, hb = 0] = have.split('.').map(Number);
  const [wa, wb = 0] = want.split('.').map(Number);
  return ha > wa || (ha === wa && hb >= wb);
}

export class ExcelSimulator implements SimHost {
  state: SimWorkbookState;
  readonly stats: SimulatorStats = { syncs: 0, requests: [], calculationSuspensions: 0, screenUpdatingSuspensions: 0, flagged: [] };
  readonly limits: SimulatorLimits;
  excelApi: string;
  readonly requirements: RequirementSupport;
  readonly behaviour: SimBehaviour;

  constructor(options: SimulatorOptions = {}) {
    this.state = options.model ? stateFromModel(options.model) : emptyState();
    if (!this.state.sheets.length) this.state.sheets.push(...stateFromModel({ sheets: [{ name: 'Sheet1', cells: [], merges: [] }] }).sheets);
    this.excelApi = options.excelApi ?? '1.17';
    const web = (options.platform ?? 'web') === 'web';
    this.limits = {
      requestPayloadBytes: options.requestPayloadBytes ?? PAYLOAD_LIMIT_BYTES,
      responsePayloadBytes: options.responsePayloadBytes !== undefined ? options.responsePayloadBytes : web ? PAYLOAD_LIMIT_BYTES : null,
      maxLoadCells: options.maxLoadCells ?? 5_000_000,
    };
    this.behaviour = { fitToPages: options.fitToPages ?? 'kept' };
    this.requirements = {
      isSetSupported: (name: string, minVersion?: string) => name === 'ExcelApi' && versionAtLeast(this.excelApi, minVersion ?? '1.1'),
    };
  }

  /** A fresh Excel.RequestContext over this workbook. */
  newContext(): SimRequestContext {
    return new SimRequestContext(this);
  }

  /** Excel.run: runs the batch function, then sends anything still queued, as Office.js does. */
  async run<T>(batch: (context: SimRequestContext) => Promise<T>): Promise<T> {
    const context = this.newContext();
    const result = await batch(context);
    if (context.pendingOperations) await context.sync();
    return result;
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requests = [];
    this.stats.calculationSuspensions = 0;
    this.stats.screenUpdatingSuspensions = 0;
    this.stats.flagged = [];
  }

  /** The largest request (and response) so far, in bytes. */
  get largestRequestBytes(): number {
    return Math.max(0, ...this.stats.requests.map((r) => r.payloadBytes));
  }
  get largestResponseBytes(): number {
    return Math.max(0, ...this.stats.requests.map((r) => r.responseBytes));
  }

  /** The workbook as the engine's model (what src/xlsx/read-workbook.ts would read from the same workbook saved). */
  model(): WorkbookModel {
    return simulatorModel(this.state);
  }

  /** Per-sheet formats, tables, validations, conditional formats, freeze and page setup, for comparisons. */
  details(): SheetDetails[] {
    return simulatorDetails(this.state);
  }

  snapshot(): SimWorkbookState {
    return cloneState(this.state);
  }

  /**
   * Installs `Office` and `Excel` globals as office.js would (Office.context.requirements, Excel.run), so code written
   * for the browser runs unchanged. Returns a function that removes them.
   */
  installGlobals(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Office: g.Office, Excel: g.Excel };
    g.Office = { context: { requirements: this.requirements }, onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }) };
    g.Excel = { run: <T>(batch: (context: SimRequestContext) => Promise<T>) => this.run(batch) };
    return () => {
      g.Office = before.Office;
      g.Excel = before.Excel;
    };
  }
}
