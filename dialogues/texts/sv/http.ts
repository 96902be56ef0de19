/** What an HTTP endpoint answers when a request cannot be served (the error handler). */
export const http = {
  badJson: 'Förfrågan är inte giltig JSON.',
  badRequest: 'Förfrågan är felaktig.',
  badText: 'Texten innehåller otillåtna tecken.',
  tooLarge: 'Förfrågan är för stor.',
  unsupportedType: 'Den här typen av innehåll tas inte emot.',
  notFound: 'Det finns ingenting här.',
  methodNotAllowed: 'Den metoden stöds inte här.',
  unauthorized: 'Förfrågan är inte autentiserad.',
  forbidden: 'Det här får du inte göra.',
  serverError: 'Något gick fel, och inget sparades. Försök igen om en stund.',
  unavailable: 'Tillit når inte sin databas just nu. Försök igen om en stund.',
};
