import { quoteInput } from '../../safety/quote-input.js';
export const help = {
  title: 'Tillit – dialog i stället för rapporter',
  intro:
    'Skriv `/tillit <kommando>`. Allt du svarar i reflektionen är anonymt: ingen kan se vad just du svarade. Kommandona fungerar också på engelska.',
  commands: [
    ['hjälp', 'visar den här hjälpen'],
    ['swot <ämne> [sista dag]', 'startar en SWOT-dialog i kanalens enhet (chef, processledare)'],
    [
      'risk [rubrik] [sista dag]',
      'startar årets riskdialog i kanalens enhet (chef, processledare)',
    ],
    ['reflektera', 'öppnar veckans reflektion'],
    ['åtgärder', 'dina åtgärder; `åtgärder alla` visar också de klara, `åtgärder enhet` enhetens'],
    [
      'sammanställning [enhet] [period]',
      'sammanställning för chefer och ledning, till exempel `sammanställning T2-2026`',
    ],
    [
      'dela [dialog] <enhet>',
      'delar en avslutad SWOT- eller riskdialogs resultat med en annan enhet för kollegial granskning (chef)',
    ],
    [
      'dela runda <avdelning>',
      'varje enhet i avdelningen delar sitt senaste resultat med sin granskare för tertialet (ledning)',
    ],
    ['inställningar …', 'enheter, kanaler, roller, scheman och granskningspar (administratör)'],
    [
      'inställningar logg [enhet]',
      'vem som har ändrat vilka roller och när (administratör, ledning)',
    ],
    ['språk sv|en', 'byter språk'],
  ] as [string, string][],
  unknownCommand: (p: { text: string }) =>
    `Jag känner inte igen ”${quoteInput(p.text)}”. Så här kan du skriva:`,
};
