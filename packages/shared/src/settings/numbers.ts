import { z } from 'zod';

/**
 * Whole numbers inside a setting's value (days, hours, points, fen, basis points, bytes). A
 * value arrives as JSON, so a number must be a JSON number: never a string, a fraction or a
 * number outside the range the rule allows. Messages name the field in Chinese and show the
 * bounds the way the form shows them (`show`), not in the stored unit.
 */
export function WholeNumber(label: string, min: number, max: number, show: (n: number) => string = String) {
  return z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于 ${show(min)}`)
    .max(max, `${label}不能大于 ${show(max)}`);
}

/** Fen (分) as yuan for messages and forms: 300000 → "3,000", 20 → "0.2". */
export function yuanText(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Basis points as a percentage for messages and forms: 150 → "1.5%". */
export function percentText(bp: number): string {
  return `${(bp / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
}

/** Bytes in one megabyte as the upload limit counts it (1024 × 1024). */
export const MEGABYTE = 1024 * 1024;

/** Bytes as megabytes for messages and forms: 20971520 → "20 MB". */
export function megabytesText(bytes: number): string {
  return `${(bytes / MEGABYTE).toLocaleString('en-US', { maximumFractionDigits: 2 })} MB`;
}
