import { NetworkError } from '../errors/index.js';
import { parseJsonReply } from './parseJsonReply.js';
import { fromResponse } from './toParleyError.js';

interface UploadRequest {
  url: string;
  token: string | null;
  file: Blob;
  name: string;
  fetch: typeof fetch;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Multipart upload. Uses XMLHttpRequest where it exists because fetch still has no upload
 * progress events (streaming request bodies need HTTP/2 in Chromium); falls back to fetch.
 */
export async function uploadWithProgress(request: UploadRequest): Promise<unknown> {
  const form = new FormData();
  form.append('file', request.file, request.name);
  if (typeof XMLHttpRequest === 'undefined') return uploadWithFetch(request, form);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    if (request.token) xhr.setRequestHeader('Authorization', `Bearer ${request.token}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => request.onProgress?.(event.loaded, event.lengthComputable ? event.total : request.file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parseJsonReply(xhr.responseText, 'upload'));
        } catch (error) {
          reject(error);
        }
        return;
      }
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json', 'retry-after': xhr.getResponseHeader('retry-after') ?? '' },
      });
      fromResponse(response, 'upload').then(reject, reject);
    };
    xhr.onerror = () => reject(new NetworkError('Parley: upload failed: the backend is unreachable'));
    xhr.ontimeout = () => reject(new NetworkError('Parley: upload timed out', { timeout: true }));
    const abort = () => xhr.abort();
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    request.signal?.addEventListener('abort', abort, { once: true });
    xhr.onloadend = () => request.signal?.removeEventListener('abort', abort);
    xhr.send(form);
  });
}

async function uploadWithFetch(request: UploadRequest, form: FormData): Promise<unknown> {
  let response: Response;
  try {
    response = await request.fetch(request.url, {
      method: 'POST',
      body: form,
      headers: request.token ? { Authorization: `Bearer ${request.token}` } : {},
      signal: request.signal ?? null,
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new NetworkError('Parley: upload failed: the backend is unreachable', { cause: error });
  }
  if (!response.ok) throw await fromResponse(response, 'upload');
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new NetworkError('Parley: upload reply was cut off', { cause: error });
  }
  request.onProgress?.(request.file.size, request.file.size);
  return parseJsonReply(text, 'upload');
}
