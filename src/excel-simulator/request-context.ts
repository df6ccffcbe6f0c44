/**
 * Excel.RequestContext, simulated: the request queue of context.ts over a simulator's workbook. The proxy objects are
 * in the modules beside it, one per part of the object model (workbook, worksheet, range, range-format,
 * data-validation, conditional-formats, tables, charts, page-layout), with the helpers they share in shared.ts.
 * APIs check the requirement set they belong to at sync time and fail with ApiNotFound when the simulated Excel is
 * "too old", as a real old Excel does.
 */
import { RequestQueue, SimulatorLimits, SimulatorStats } from './context';
import { SimulatorError } from './errors';
import { SimWorkbookState } from './state';
import { _setCurrentState, _setCurrentContext } from './shared';
import { SimApplication, SimWorkbook } from './workbook';

export interface RequirementSupport {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Where real Excel's behaviour varies, which way this simulated Excel goes. */
export interface SimBehaviour {
  fitToPages: 'kept' | 'ignored';
}

export interface SimHost {
  readonly state: SimWorkbookState;
  readonly stats: SimulatorStats;
  readonly limits: SimulatorLimits;
  readonly requirements: RequirementSupport;
  readonly behaviour?: SimBehaviour;
}

/** Excel.RequestContext, simulated. */
export class SimRequestContext extends RequestQueue {
  readonly workbook: SimWorkbook;
  readonly application: SimApplication;
  /** Office.js has trackedObjects; the simulator needs no tracking but accepts the calls. */
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };

  constructor(readonly host: SimHost) {
    super(host.stats, host.limits, {
      before: () => {
        _setCurrentState(host.state);
        _setCurrentContext(this);
      },
      after: () => _setCurrentContext(null),
    });
    this.workbook = new SimWorkbook(this, 'workbook', () => host.state);
    this.application = this.workbook.application;
  }

  get state(): SimWorkbookState {
    return this.host.state;
  }

  /** Fails the request as Excel does when the API is newer than the running Excel. */
  require(version: string, api: string): void {
    if (!this.host.requirements.isSetSupported('ExcelApi', version)) {
      throw new SimulatorError('ApiNotFound', `The API you are trying to use could not be found (${api}, ExcelApi ${version}). It may be available in a newer version of Excel.`);
    }
  }
}
