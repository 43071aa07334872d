import { pinyin } from 'pinyin-pro';

/**
 * The pinyin of a Chinese name for search: full syllables run together (张三丰 → zhangsanfeng)
 * and initials (zsf). Surnames are read with their surname reading (单 → shan, 曾 → zeng).
 * Latin letters in the name are kept as they are; other characters are dropped.
 */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
