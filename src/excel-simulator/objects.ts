/**
 * The proxy objects: the part of the Excel JavaScript API that PlanAssure uses, over the plain state in state.ts, one
 * module per part of the object model. Every method and property queues work for context.sync(), as Office.js does;
 * nothing reads or changes the state until then.
 */
export * from './request-context';
export * from './workbook';
export * from './worksheet';
export * from './range';
export * from './range-format';
export * from './data-validation';
export * from './conditional-formats';
export * from './tables';
export * from './names';
export * from './charts';
export * from './page-layout';
