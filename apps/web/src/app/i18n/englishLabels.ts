import type { enLabels } from './en-labels';

/**
 * The English names of the shared code tables, there once English has come (they travel with
 * English, ./en.ts; a Chinese page does not carry them). Read by ./useLabels.ts.
 */
let labels: typeof enLabels | undefined;

export const englishLabels = () => labels;

export function setEnglishLabels(english: typeof enLabels): void {
  labels = english;
}
