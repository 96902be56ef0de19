/**
 * Words that say nothing about a theme, skipped when counting words in reflection texts
 * (store/queries/summary-themes.ts does the counting, in the database). Lower case, three
 * letters or more (shorter words are skipped anyway). Swedish first, then English.
 */
export const STOP_WORDS: readonly string[] = [
  // Swedish
  ...`alla allt andra annan annat att av bara bättre blev blir bra del den denna dessa det detta
  dig din dina ditt dom du där efter eftersom eller emot en ett fick finns fler flera från får
  för före genom gick gjorde gå gör hade han har hela hon hos hur här idag inför inga inget inte
  jag kan kanske kommer kunde man med mellan men mer mig min mina mitt mot mycket många måste
  nog när någon något några nu och också om oss på samma sedan sig sin sina sitt ska skulle som
  så sådan till tror under upp ut utan vad var vara varit vart vecka veckan vem vi vid vilka
  vilken vill våra vår vårt än ännu är ändå åt över också väldigt lite mest ganska blivit
  varje kunna skall fått hela haft göra gjort känns känner tycker`.split(/\s+/),
  // English
  ...`about after again all also and any are because been before being but can could did does
  doing done for from get got had has have having her here him his how into its just more most
  much not now off once only other our out over own same she should some such than that the
  their them then there these they this those through too under until very was way week were
  what when where which while who why will with would you your yours really quite`.split(/\s+/),
].filter((word) => word.length >= 3);
