import type { ErrorLine, ProgressLine } from '@ningxin/shared';
import { ApiError } from './api';

/** How far the server is, as its progress lines say. */
export type Progress = Omit<ProgressLine, 'type'>;

const INTERRUPTED = '处理过程中连接中断，未收到结果，请重试';

type Line<R> = ProgressLine | ({ type: 'report' } & R) | ErrorLine;

/**
 * Reads a progress stream (application/x-ndjson; packages/shared/src/common/stream.ts): passes
 * progress on, resolves with the report, rejects with the server's error line, or with
 * STREAM_INTERRUPTED when the connection ends before a report.
 */
export async function readProgressStream<R>(
  body: ReadableStream<Uint8Array>,
  onProgress: (progress: Progress) => void,
): Promise<R> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let report: R | null = null;
  const handle = (text: string) => {
    if (!text.trim()) return;
    const line = JSON.parse(text) as Line<R>;
    if (line.type === 'progress') {
      const { type: _type, ...progress } = line;
      onProgress(progress);
    } else if (line.type === 'report') {
      const { type: _type, ...rest } = line;
      report = rest as R;
    } else {
      throw new ApiError(line.status, line.code, line.message);
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        handle(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
      }
    }
    handle(buffer + decoder.decode());
  } catch (error) {
    if (error instanceof ApiError || (error instanceof DOMException && error.name === 'AbortError'))
      throw error;
    throw new ApiError(0, 'STREAM_INTERRUPTED', INTERRUPTED);
  }
  if (report === null) throw new ApiError(0, 'STREAM_INTERRUPTED', INTERRUPTED);
  return report;
}
