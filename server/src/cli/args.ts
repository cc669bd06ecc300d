import { UsageError } from './errors';

/** How a command's options are spelled: flags take no value, values take the next word. */
export interface OptionSpec {
  flags?: readonly string[];
  values?: readonly string[];
  required?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/**
 * Parse `--name value` and `--flag` words. A value option always takes the next word, even one
 * that starts with a dash (`--members -5` is a negative number to refuse, not a usage error).
 * Usage errors are `中文 / English`, Chinese first.
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--') || word === '--') {
      if (word !== '--') positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags?.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} 不带取值 / --${name} takes no value`);
      flags.add(name);
    } else if (spec.values?.includes(name)) {
      const value = eq !== -1 ? word.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} 缺少取值 / --${name} needs a value`);
      if (values.has(name)) throw new UsageError(`--${name} 重复给出 / --${name} given twice`);
      values.set(name, value);
    } else {
      throw new UsageError(`未知选项 --${name} / unknown option --${name}`);
    }
  }
  for (const name of spec.required ?? []) {
    if (!values.has(name)) throw new UsageError(`缺少必需的选项 --${name} / --${name} is required`);
  }
  return { positionals, flags, values };
}
