import { describe, expect, it } from 'vitest';
import { formatFileSize } from './fileSize';

describe('formatFileSize', () => {
  it.each([
    [0, '0 B'],
    [980, '980 B'],
    [1536, '1.5 KB'],
    [20 * 1024 * 1024, '20 MB'],
    [5 * 1024 * 1024 + 123, '5 MB'],
    [300 * 1024 * 1024, '300 MB'],
    [3 * 1024 ** 3, '3 GB'],
  ])('%i → %s', (bytes, text) => expect(formatFileSize(bytes)).toBe(text));
});
