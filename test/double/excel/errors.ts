/**
 * The errors of the Excel JavaScript API as the double raises them: `name` "RichApi.Error", a `code`
 * from Excel.ErrorCodes (or the runtime's own PropertyNotLoaded / InvalidRequestContext), the
 * message, and `debugInfo` with the same code, as OfficeExtension.Error carries them.
 */
export class RichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** The double was asked for something it does not simulate: a loud failure, never a silent guess. */
export class NotSimulatedError extends Error {
  constructor(what: string) {
    super(`Excel double: ${what} is not simulated (see test/double/excel/index.ts).`);
    this.name = 'NotSimulatedError';
  }
}

export const errors = {
  propertyNotLoaded: (property: string) =>
    new RichApiError(
      'PropertyNotLoaded',
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    ),
  apiNotFound: (api: string, set: string) =>
    new RichApiError('ApiNotFound', `The method or property ${api} is part of the ${set} requirement set, which is not available in your version of Excel.`, api),
  itemNotFound: (what: string) => new RichApiError('ItemNotFound', 'The requested resource doesn\'t exist.', what),
  itemAlreadyExists: (what: string) => new RichApiError('ItemAlreadyExists', 'The resource being created already exists.', what),
  invalidArgument: (what: string) => new RichApiError('InvalidArgument', `The argument '${what}' doesn't work for this situation, is missing, or isn't in the right format.`, what),
  invalidOperation: (what: string) => new RichApiError('InvalidOperation', 'The operation attempted is invalid on the object.', what),
  cellEditMode: () =>
    new RichApiError(
      'InvalidOperationInCellEditMode',
      'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
    ),
  requestPayload: (bytes: number) => new RichApiError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`),
  responsePayload: (bytes: number) => new RichApiError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${bytes} bytes).`),
  invalidRequestContext: () => new RichApiError('InvalidRequestContext', 'Cannot use the object across different request contexts.'),
};
