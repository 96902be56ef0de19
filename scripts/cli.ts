import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/** What a script takes: its usage text, its options, and how many plain arguments. */
export interface CliSpec<O extends ParseArgsOptionsConfig> {
  /** Printed on `--help` (standard output, exit 0) and after a wrong call (standard error, exit 2). */
  usage: string;
  options: O;
  /** How many plain (positional) arguments the script takes: at least, at most. */
  positionals?: readonly [min: number, max: number];
}

const help = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O & typeof help; allowPositionals: true; strict: true }>
>;

/**
 * Reads the command line as every script does: `--help` prints the usage and exits 0, an
 * unknown option or a wrong number of arguments prints what was wrong and the usage and
 * exits 2 (the usual code for a wrong call), before the script opens anything.
 */
export function readArgs<O extends ParseArgsOptionsConfig>(
  spec: CliSpec<O>,
  argv: string[] = process.argv.slice(2),
): Parsed<O> {
  // `npm run x -- …` passes the `--` on when the script is started through another runner.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({
      args,
      options: { ...spec.options, ...help },
      allowPositionals: true,
      strict: true,
    }) as Parsed<O>;
  } catch (error) {
    if (isParseArgsError(error)) usageError(spec, (error as Error).message);
    throw error;
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${spec.usage}\n`);
    process.exit(0);
  }
  const [min, max] = spec.positionals ?? [0, 0];
  const count = parsed.positionals.length;
  if (count < min) usageError(spec, 'missing argument');
  if (count > max) usageError(spec, `unexpected argument "${parsed.positionals[max]}"`);
  return parsed;
}

/** A wrong call: what was wrong, the usage, exit code 2. */
export function usageError(
  spec: Pick<CliSpec<ParseArgsOptionsConfig>, 'usage'>,
  message: string,
): never {
  process.stderr.write(`${message}\n\n${spec.usage}\n`);
  process.exit(2);
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
