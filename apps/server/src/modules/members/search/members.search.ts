import { and, eq, like, not, or, type SQL, sql } from 'drizzle-orm';
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
 * What a search box query `q` means, as alternatives that exclude one another (a member matches
 * one at most; their union is the search):
 * - a Chinese text: a name substring (2+ characters through the bigram index), or for one
 *   character a surname (name prefix);
 * - Latin letters: the start of the name's initials (zsf) or full pinyin (zhangsanfeng), as three
 *   parts: the initials exactly, longer initials starting with them, and pinyin starting with
 *   them of names whose initials do not. A list page takes each part's first rows in its order
 *   (the exact initials' newest straight from members_initials_created_idx) and merges them,
 *   instead of fetching every match of a common prefix to sort it (see docs/performance.md);
 * - 4 digits (or 3 digits and X): the last 4 of the phone or of the ID number;
 * - a whole mobile number or ID number: that exact record, by keyed hash.
 * Undefined for a query that is empty once spaces are removed.
 */
export function searchParts(raw: string, hashes: SearchHashes): SQL[] | undefined {
  const q = normalize(raw);
  if (!q) return undefined;
  if (/^\d{4}$/.test(q)) return [or(eq(members.phoneTail, q), eq(members.idTail, q))!];
  if (/^\d{3}[xX]$/.test(q)) return [eq(members.idTail, q.toUpperCase())];
  if (/^1[3-9]\d{9}$/.test(q)) return [eq(members.phoneHash, hashes.phone(q))];
  if (/^\d{17}[\dxX]$/.test(q)) return [eq(members.idHash, hashes.idNumber(q.toUpperCase()))];
  if (/^[a-zA-Z]+$/.test(q)) {
    const p = q.toLowerCase();
    const initials = like(members.nameInitials, `${p}%`);
    return [
      eq(members.nameInitials, p),
      // Past the exact initials in the index's byte order (text_pattern_ops' ~>~): an index range.
      and(initials, sql`${members.nameInitials} ~>~ ${p}`)!,
      and(like(members.namePinyin, `${p}%`), not(initials))!,
    ];
  }
  if (HAN.test(q)) {
    const chars = [...q];
    if (chars.length === 1) return [like(members.name, `${escapeLike(q)}%`)];
    const pieces = sql.join(
      bigrams(q).map((b) => sql`${b}`),
      sql`, `,
    );
    return [
      and(
        sql`name_bigrams(${members.name}) @> array[${pieces}]::text[]`,
        like(members.name, `%${escapeLike(q)}%`),
      )!,
    ];
  }
  return [like(members.name, `%${escapeLike(q)}%`)];
}

/** The search as one condition on members (see `searchParts`). */
export function searchCondition(raw: string, hashes: SearchHashes): SQL | undefined {
  const parts = searchParts(raw, hashes);
  return parts && (parts.length === 1 ? parts[0] : or(...parts));
}
