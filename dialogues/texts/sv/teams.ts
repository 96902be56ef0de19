/** Words only the Teams channel needs (its cards and its greeting). */
export const teams = {
  greeting:
    'Hej! Jag är Tillit. Skriv till mig här, eller nämn @Tillit i en kanal, följt av ett kommando.',
  required: 'Fyll i det här.',
  showFields: 'Visa fälten för valet',
  formSent: 'Skickat ✓',
};
