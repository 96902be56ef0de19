import PersonnummerModule from 'personnummer';

/**
 * The `personnummer` package, the reference the guard is compared with. Its types declare an
 * ES default export, but Node loads its CommonJS build, whose default import is the class.
 */
const Personnummer = PersonnummerModule as unknown as typeof PersonnummerModule.default;

/** Whether the package calls the text a valid number (coordination and interim included). */
export const referenceValid = (text: string): boolean =>
  Personnummer.valid(text, { allowCoordinationNumber: true, allowInterimNumber: true });
