import { quoteInput } from '../../safety/quote-input.js';
export const help = {
  title: 'Tillit – dialog i stället för rapporter',
  intro:
    'Skriv `/tillit <kommando>`. Allt du svarar på i reflektionen är anonymt: ingen kan se vad just du svarade.',
  commands: [
    ['help', 'visar den här hjälpen'],
    ['swot <ämne> [deadline]', 'startar en SWOT-dialog i kanalens enhet (chef/processledare)'],
    ['risk [rubrik]', 'startar en riskdialog (chef/processledare)'],
    ['reflect', 'öppnar veckans reflektion'],
    ['actions', 'dina åtgärder; `actions unit` visar enhetens'],
    ['summary [enhet] [period]', 'sammanställning för ledningen'],
    ['setup …', 'enheter, kanaler, roller och scheman (administratör)'],
    ['setup audit [enhet]', 'vem som ändrat vilka roller och när (administratör, ledning)'],
    ['lang sv|en', 'byter språk'],
  ] as [string, string][],
  unknownCommand: (p: { text: string }) =>
    `Jag känner inte igen ”${quoteInput(p.text)}”. Så här kan du skriva:`,
};
