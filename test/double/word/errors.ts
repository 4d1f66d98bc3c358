/** The errors of the Word JavaScript API as the double raises them (OfficeExtension.Error: name "RichApi.Error", a code, a message). */
import { RichApiError } from '../excel/errors';

export { NotSimulatedError, RichApiError } from '../excel/errors';

export const errors = {
  propertyNotLoaded: (property: string) =>
    new RichApiError(
      'PropertyNotLoaded',
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    ),
  apiNotFound: (api: string, set: string) => new RichApiError('ApiNotFound', `The method or property ${api} is part of the ${set} requirement set, which is not available in your version of Word.`, api),
  itemNotFound: (what: string) => new RichApiError('ItemNotFound', 'The requested resource doesn\'t exist.', what),
  invalidArgument: (what: string) => new RichApiError('InvalidArgument', `The argument '${what}' is invalid or missing or has an incorrect format.`, what),
};
