import { and, eq, like, or, type SQL, sql } from 'drizzle-orm';
import { members } from '../../../db/schema';

/** Escapes LIKE's wildcards so user text matches literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The distinct 2-character pieces of a text, as the name_bigrams() SQL function makes them. */
export function bigrams(text: string): string[] {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

const HAN = /\p{Script=Han}/u;

/** Full-width letters and digits to ASCII, spaces removed. */
function normalize(q: string): string {
  return q
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
}

export interface SearchHashes {
  /** The keyed hash of a complete phone number or ID number, for exact matches. */
  phone(value: string): string;
  idNumber(value: string): string;
}

/**
 * What a search box query `q` means, as a condition on members:
 * - a Chinese text: a name substring (2+ characters through the bigram index), or for one
 *   character a surname (name prefix);
 * - Latin letters: the start of the name's full pinyin (zhangsanfeng) or initials (zsf);
 * - 4 digits (or 3 digits and X): the last 4 of the phone or of the ID number;
 * - a whole mobile number or ID number: that exact record, by keyed hash.
 */
export function searchCondition(raw: string, hashes: SearchHashes): SQL | undefined {
  const q = normalize(raw);
  if (!q) return undefined;
  if (/^\d{4}$/.test(q)) return or(eq(members.phoneTail, q), eq(members.idTail, q));
  if (/^\d{3}[xX]$/.test(q)) return eq(members.idTail, q.toUpperCase());
  if (/^1[3-9]\d{9}$/.test(q)) return eq(members.phoneHash, hashes.phone(q));
  if (/^\d{17}[\dxX]$/.test(q)) return eq(members.idHash, hashes.idNumber(q.toUpperCase()));
  if (/^[a-zA-Z]+$/.test(q)) {
    const p = `${q.toLowerCase()}%`;
    return or(like(members.namePinyin, p), like(members.nameInitials, p));
  }
  if (HAN.test(q)) {
    const chars = [...q];
    if (chars.length === 1) return like(members.name, `${escapeLike(q)}%`);
    const pieces = sql.join(
      bigrams(q).map((b) => sql`${b}`),
      sql`, `,
    );
    return and(
      sql`name_bigrams(${members.name}) @> array[${pieces}]::text[]`,
      like(members.name, `%${escapeLike(q)}%`),
    );
  }
  return like(members.name, `%${escapeLike(q)}%`);
}
