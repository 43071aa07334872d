import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  full: string;
  initials: string;
}

function compute(name: string): NamePinyin {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

/** Names already read: many people share a name, and pinyin-pro takes ~10 µs a name. */
const cache = new Map<string, Readonly<NamePinyin>>();
const CACHE_SIZE = 20_000;

/**
 * The pinyin of a Chinese name for search: full syllables run together (张三丰 → zhangsanfeng)
 * and initials (zsf). Surnames are read with their surname reading (单 → shan, 曾 → zeng).
 * Latin letters in the name are kept as they are; other characters are dropped. Remembered by
 * the whole name (a character's reading depends on its neighbours, so never by character).
 */
export function namePinyin(name: string): Readonly<NamePinyin> {
  let hit = cache.get(name);
  if (!hit) {
    hit = Object.freeze(compute(name));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(name, hit);
  }
  return hit;
}

/** The pinyin without the cache (for tests of the cache). */
export const namePinyinUncached = compute;
