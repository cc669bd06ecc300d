import type { ErrorBody, HallErrorCode } from '@hall/shared';

/**
 * The UIs' one way to the hall server's REST API (server/README.md): a JSON request with the
 * bearer token, a timeout, and every refusal as an `ApiError` carrying the server's `code` and
 * one-line `message` (its ErrorBody). Status 0 is "never reached the server" (or timed out).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The refusal's code (shared/src/api/error-codes.ts): what programs match on. */
    readonly code?: HallErrorCode | (string & {}),
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNREACHABLE = '无法连接会场服务器 / cannot reach the hall server';

/** How long a call may take before it is given up (ms). */
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface FetchJsonOptions {
  /** Default: POST when there is a body, else GET. */
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string | null;
  timeoutMs?: number;
}

/** Send a request and parse the JSON reply; a non-2xx reply throws its ErrorBody as an ApiError. */
export async function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await send(
    path,
    {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    },
    options.timeoutMs,
  );
  const text = await res.text().catch(() => '');
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const body = (data ?? {}) as Partial<ErrorBody>;
    throw new ApiError(res.status, body.message ?? res.statusText, body.code);
  }
  return data as T;
}

/** Fetch a file with the bearer token (a download): the body as a Blob. */
export async function fetchBlob(
  path: string,
  token: string | null,
  timeoutMs?: number,
): Promise<Blob> {
  const res = await send(
    path,
    { headers: token ? { authorization: `Bearer ${token}` } : {} },
    timeoutMs,
  );
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  return res.blob();
}

async function send(path: string, init: RequestInit, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(path, { ...init, signal: controller.signal });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  } finally {
    clearTimeout(timer);
  }
}

/** What to show a person for a failure: the server's one-line reason, or the error's message. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
