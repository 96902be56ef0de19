import type { Catalogue } from '../catalogue.js';

/** What an HTTP endpoint answers when a request cannot be served (the error handler). */
export const http: Catalogue['http'] = {
  badJson: 'The request is not valid JSON.',
  badRequest: 'The request is malformed.',
  badText: 'The text contains characters that are not allowed.',
  tooLarge: 'The request is too large.',
  unsupportedType: 'This type of content is not accepted.',
  notFound: 'There is nothing here.',
  methodNotAllowed: 'That method is not supported here.',
  unauthorized: 'The request is not authenticated.',
  forbidden: 'You are not allowed to do this.',
  serverError: 'Something went wrong, and nothing was saved. Please try again shortly.',
  unavailable: 'Tillit cannot reach its database right now. Please try again shortly.',
};
