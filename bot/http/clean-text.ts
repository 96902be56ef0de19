/**
 * Control characters (NUL and the other C0/C1 codes except tab, newline and carriage return)
 * and lone UTF-16 surrogates: Postgres refuses NUL in text outright, and none of them belongs
 * in anything a person writes. They are removed where a request enters, in one place per
 * parser (JSON bodies, Slack payloads), before anything reaches a use case or the database.
 */
const UNWANTED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(UNWANTED, '');
}

export function hasUnwanted(text: string): boolean {
  UNWANTED.lastIndex = 0;
  const found = UNWANTED.test(text);
  UNWANTED.lastIndex = 0;
  return found;
}

/**
 * Cleans every string of a parsed body in place (values and keys, at any depth), so objects
 * that a framework already holds references to (Bolt's payload) see the clean text too.
 */
export function cleanInPlace(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value !== 'object' || value === null || depth > 64) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanInPlace(value[i], depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const cleaned = cleanInPlace(record[key], depth + 1);
    const cleanKey = cleanText(key);
    if (cleanKey !== key) delete record[key];
    record[cleanKey] = cleaned;
  }
  return value;
}
