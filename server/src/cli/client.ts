import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { defaultKeyDir } from '../config/key-dir';
import { oneLine } from '../errors';
import { CA_CERT_FILE } from '../tls/files';
import type { ParsedArgs } from './args';
import { RefusedError, UsageError } from './errors';
import type { CliIo } from './io';

/** `--server <url>` and `--json`: every command that talks to the running server takes them. */
export const SERVER_OPTIONS = { flags: ['json'], values: ['server'] } as const;

/**
 * The default `--server` (CONTRACT.md §1: `http://127.0.0.1:$HALL_PORT` when `HALL_TLS=off`,
 * port default 8080). The contract leaves the TLS case to the project: a configured hall
 * (`HALL_CONFIG` set) serves HTTPS unless `HALL_TLS=off`, the demo hall (no `HALL_CONFIG`) plain
 * HTTP, so the CLI reads the same two variables the server does and picks the same scheme.
 */
export function defaultServerUrl(env: CliIo['env']): string {
  const port = env.HALL_PORT || '8080';
  const tls = env.HALL_TLS !== 'off' && !!env.HALL_CONFIG;
  return `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
}

export function serverUrl(args: ParsedArgs, io: CliIo): string {
  const given = args.values.get('server');
  const url = given ?? defaultServerUrl(io.env);
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

/**
 * The hall CA the CLI trusts for an https server: `HALL_CA_FILE` if set, else
 * `$HALL_DATA_DIR/hall-ca.crt` (data dir default `./data`), else `<key dir>/hall-ca.crt`
 * (HALL_KEY_DIR, default `<data dir>-keys`). Null when none of them exists: the system's CAs
 * are trusted then (a hall certificate from HALL_TLS_CERT may be signed by one).
 */
export function hallCaFile(io: CliIo): { file: string; given: boolean } | null {
  const env = io.env;
  if (env.HALL_CA_FILE) return { file: path.resolve(io.cwd, env.HALL_CA_FILE), given: true };
  const dataDir = path.resolve(io.cwd, env.HALL_DATA_DIR || './data');
  const keyDir = env.HALL_KEY_DIR ? path.resolve(io.cwd, env.HALL_KEY_DIR) : defaultKeyDir(dataDir);
  for (const file of [path.join(dataDir, CA_CERT_FILE), path.join(keyDir, CA_CERT_FILE)]) {
    if (existsSync(file)) return { file, given: false };
  }
  return null;
}

export function noPositionals(args: ParsedArgs): void {
  if (args.positionals.length > 0) {
    throw new UsageError(
      `多余的参数“${args.positionals[0]}” / unexpected argument "${args.positionals[0]}"`,
    );
  }
}

/** OpenSSL's and Node's codes for a certificate the client does not trust. */
const CERT_CODES =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|HOSTNAME_MISMATCH|ERR_TLS_CERT/;

/**
 * Call the hall server with the operator token (`HALL_OPERATOR_TOKEN`). Any refusal of the
 * server, an unreachable server (naming the URL), a certificate the hall CA does not vouch for
 * (naming the CA file) or a missing token is a RefusedError (exit 1) with a one-line reason.
 */
export async function callServer<T>(
  args: ParsedArgs,
  io: CliIo,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  route: string,
  body?: unknown,
): Promise<T> {
  const res = await callServerBytes(args, io, method, route, body);
  try {
    return (res.body.length === 0 ? undefined : JSON.parse(res.body.toString('utf8'))) as T;
  } catch {
    return undefined as T;
  }
}

/** A request body sent as it is (a file's bytes) with its content type, instead of as JSON. */
export class RawBody {
  constructor(
    readonly bytes: Buffer,
    readonly type: string,
  ) {}
}

/** As `callServer`, for a reply that is not JSON (a backup): its bytes and headers. */
export async function callServerBytes(
  args: ParsedArgs,
  io: CliIo,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  route: string,
  body?: unknown,
): Promise<Reply> {
  const base = serverUrl(args, io);
  const token = io.env.HALL_OPERATOR_TOKEN;
  if (!token) {
    throw new RefusedError(
      '未设置 HALL_OPERATOR_TOKEN（服务器要求令牌） / HALL_OPERATOR_TOKEN is not set (the server needs a token)',
    );
  }
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  const raw = body instanceof RawBody;
  const payload = raw
    ? body.bytes
    : body !== undefined
      ? Buffer.from(JSON.stringify(body))
      : undefined;
  if (payload) {
    headers['content-type'] = raw ? body.type : 'application/json';
    headers['content-length'] = String(payload.length);
  }
  const https = base.startsWith('https:');
  const ca = https ? hallCaFile(io) : null;
  let caPem: Buffer | undefined;
  if (ca) {
    try {
      caPem = readFileSync(ca.file);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new RefusedError(
        `无法读取会场 CA 证书 ${ca.file}（${why}） / cannot read the hall CA certificate ${ca.file} (${why})`,
      );
    }
  }
  let res: Reply;
  try {
    res = await request(`${base}${route}`, { method, headers, payload, ca: caPem });
  } catch (e) {
    throw new RefusedError(oneLine(unreachable(base, e as NodeJS.ErrnoException, https, ca)));
  }
  if (res.status < 200 || res.status > 299) {
    let data: unknown;
    try {
      data = JSON.parse(res.body.toString('utf8'));
    } catch {
      data = undefined;
    }
    const message = (data as { message?: unknown } | undefined)?.message;
    const reason = typeof message === 'string' ? message : `HTTP ${res.status}`;
    throw new RefusedError(serverRefused(oneLine(reason)));
  }
  return res;
}

/**
 * Why the server was not reached, Chinese first: a certificate the hall CA does not vouch for
 * names the CA file trusted; a TLS/plain-HTTP mismatch says which scheme to use.
 */
function unreachable(
  base: string,
  err: NodeJS.ErrnoException,
  https: boolean,
  ca: { file: string } | null,
): string {
  const why = err.code ?? err.message;
  if (https && CERT_CODES.test(why)) {
    const [zh, en] = ca
      ? [`所信任的会场 CA 为 ${ca.file}`, `the hall CA trusted is ${ca.file}`]
      : [
          '未找到会场 CA 证书（可设置 HALL_CA_FILE）',
          'no hall CA certificate found (set HALL_CA_FILE)',
        ];
    return `会场服务器 ${base} 的证书未通过校验（${why}）；${zh} / the certificate of the hall server at ${base} is not trusted (${why}); ${en}`;
  }
  let zh = '';
  let en = '';
  if (https && /EPROTO|WRONG_VERSION/i.test(`${why} ${err.message}`)) {
    [zh, en] = [
      '；该服务器未启用 TLS？请用 http:// 网址',
      '; the server does not speak TLS? use an http:// URL',
    ];
  } else if (!https && /ECONNRESET|socket hang up/i.test(`${why} ${err.message}`)) {
    [zh, en] = [
      '；该服务器启用了 TLS？请用 https:// 网址',
      '; the server speaks TLS? use an https:// URL',
    ];
  }
  return `无法连接会场服务器 ${base}（${why}）${zh} / cannot reach the hall server at ${base} (${why})${en}`;
}

/** A reply of the server: status, bytes and headers. */
export interface Reply {
  status: number;
  body: Buffer;
  headers: IncomingHttpHeaders;
}

/**
 * One HTTP(S) request with node:http(s), so that an https call trusts exactly the hall CA
 * (`ca`; the system's CAs when not given). Times out after 30 s.
 */
function request(
  url: string,
  opts: { method: string; headers: Record<string, string>; payload?: Buffer; ca?: Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: opts.method,
        headers: opts.headers,
        timeout: 30_000,
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
    req.end(opts.payload);
  });
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
