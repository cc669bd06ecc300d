import { fetchBlob, fetchJson, type FetchJsonOptions } from '@hall/ui-shared';

/**
 * The console's only way to the server's REST API (server/README.md), through the UIs' one
 * fetch wrapper (ui-shared/src/fetch-json.ts). Every call names its path in endpoints.ts, so
 * the console and the server's routes can be compared in one place.
 */
export { ApiError, errorText } from '@hall/ui-shared';

export function api<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  return fetchJson<T>(path, options);
}

/** Base64 of a file's bytes, for the roster import (the server checks the encoding itself). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    // A data URL is `data:<type>;base64,<bytes>`: the bytes exactly as they are in the file.
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.readAsDataURL(file);
  });
}

/** Fetch a file with the bearer token and hand it to the browser as a download. */
export async function download(path: string, token: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(path, token));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
