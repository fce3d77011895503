// A tiny argv reader for the command line: positional arguments and --name value options.
export interface Args {
  positional: string[];
  options: Map<string, string>;
}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else options.set(a.slice(2), argv[i + 1]?.startsWith('--') || i + 1 >= argv.length ? 'true' : argv[++i]);
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

/** Writes a message to stderr and exits: stdout carries only results. */
export function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
