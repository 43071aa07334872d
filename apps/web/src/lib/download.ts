/** File downloads from the API: a PDF fetched, its answer's file name read, and saved by the browser. */
import { apiUrl, errorFromResponse, networkError } from './api';

/** The file name a download answer gives (RFC 6266: `filename*` in UTF-8 first), or the fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      // A broken encoding: fall back to the plain name.
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1]! : fallback;
}

/** Saves a blob under a file name, as a browser download. */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Asks the server for a PDF and saves it; an error answer (403, 404 …) rejects with its ApiError
 * instead of leaving the page. Resolves with the file name saved.
 */
export async function downloadPdf(
  path: string,
  fallbackName: string,
  init: RequestInit = { method: 'GET' },
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      ...init,
      credentials: 'same-origin',
      headers: { Accept: 'application/pdf', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await errorFromResponse(response);
  const fileName = attachmentName(response.headers.get('content-disposition'), fallbackName);
  save(await response.blob(), fileName);
  return fileName;
}
