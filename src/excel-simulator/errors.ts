/** Errors shaped like OfficeExtension.Error: name, code, message, debugInfo. */

export const SIM_ERROR_NAME = 'RichApi.Error';

export class SimulatorError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = SIM_ERROR_NAME;
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(property: string): SimulatorError {
  return new SimulatorError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function valueNotLoaded(): SimulatorError {
  return new SimulatorError(
    'ValueNotLoaded',
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  );
}

export const itemNotFound = (what: string, location?: string) =>
  new SimulatorError('ItemNotFound', `The requested resource doesn't exist. (${what})`, location);
export const invalidArgument = (message: string, location?: string) =>
  new SimulatorError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${message}`, location);
export const invalidOperation = (message: string, location?: string) => new SimulatorError('InvalidOperation', message, location);
/** An action (a property set, a method that changes the workbook) on an object that turned out to be a null object. */
export const nullObjectUsed = (path: string) => itemNotFound(`${path} is a null object: check isNullObject before using it`);
