/** The Excel simulator (browser-safe). The Node-only .xlsx loader is in ./node-loader. */
export * from '../excel/address';
export { PAYLOAD_LIMIT_BYTES, utf8Length } from './context';
export type { RequestRecord, SimulatorLimits, SimulatorStats } from './context';
export { SimulatorError } from './errors';
export * from './export';
export { stateFromModel } from './from-model';
export { SimRequestContext } from './objects';
export type { RequirementSupport } from './objects';
export { ExcelSimulator } from './simulator';
export type { SimulatorOptions } from './simulator';
export * from './state';
