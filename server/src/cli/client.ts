import { oneLine } from '../errors';
import type { ParsedArgs } from './args';
import { RefusedError, UsageError } from './errors';
import type { CliIo } from './io';

/** `--server <url>` and `--json`: every command that talks to the running server takes them. */
export const SERVER_OPTIONS = { flags: ['json'], values: ['server'] } as const;

/** CONTRACT.md §1: default `http://127.0.0.1:$HALL_PORT`, port default 8080. */
export function serverUrl(args: ParsedArgs, io: CliIo): string {
  const given = args.values.get('server');
  const url = given ?? `http://127.0.0.1:${io.env.HALL_PORT || '8080'}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RefusedError(`--server “${url}”不是网址 / --server "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RefusedError(
      `--server “${url}”须为 http 或 https 网址 / --server "${url}" must be an http or https URL`,
    );
  }
  return url.replace(/\/+$/, '');
}

export function noPositionals(args: ParsedArgs): void {
  if (args.positionals.length > 0) {
    throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  }
}

/**
 * Call the hall server with the operator token (`HALL_OPERATOR_TOKEN`). Any refusal of the
 * server, an unreachable server (naming the URL) or a missing token is a RefusedError (exit 1)
 * carrying the server's one-line reason.
 */
export async function callServer<T>(
  args: ParsedArgs,
  io: CliIo,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const base = serverUrl(args, io);
  const token = io.env.HALL_OPERATOR_TOKEN;
  if (!token) {
    throw new RefusedError(
      '未设置 HALL_OPERATOR_TOKEN（服务器要求令牌） / HALL_OPERATOR_TOKEN is not set (the server needs a token)',
    );
  }
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new RefusedError(
      oneLine(
        `无法连接会场服务器 ${base}（${why}） / cannot reach the hall server at ${base} (${why})`,
      ),
    );
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const message = (data as { message?: unknown } | undefined)?.message;
    const reason = typeof message === 'string' ? message : `HTTP ${res.status}`;
    throw new RefusedError(serverRefused(oneLine(reason)));
  }
  return data as T;
}

/**
 * `服务器拒绝：未达法定人数… / the server refused: quorum not met…`: the server's reason is
 * `中文 / English`, each half gets its own words; a reason of another shape is kept whole.
 */
export function serverRefused(reason: string): string {
  const cut = reason.indexOf(' / ');
  const zh = reason.slice(0, cut);
  if (cut > 0 && /\p{Script=Han}/u.test(zh)) {
    return `服务器拒绝：${zh} / the server refused: ${reason.slice(cut + 3)}`;
  }
  return `服务器拒绝 / the server refused: ${reason}`;
}
