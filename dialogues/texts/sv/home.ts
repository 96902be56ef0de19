export const home = {
  title: 'Tillit',
  yourUnits: 'Dina enheter och roller',
  noUnits: 'Du har ingen roll i någon enhet ännu.',
  roleInUnit: (p: { unit: string; roles: string }) => `*${p.unit}* – ${p.roles}`,
  hint: 'Skriv `/tillit hjälp` i en kanal för att se vad du kan göra.',
};
