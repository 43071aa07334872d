/** A small seeded PRNG (mulberry32): the same seed gives the same demo data. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** True with probability p. */
    chance: (p: number) => next() < p,
  };
}

export type Random = ReturnType<typeof createRandom>;

/**
 * A 32-bit hash of a seed and a number (murmur3's finalizer over both): the seed of record `n`,
 * so that any record can be made without making the ones before it.
 */
export function mixSeed(seed: number, n: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(n >>> 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Picks items with the given relative weights (a cumulative table, searched by bisection). */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Random) => T {
  if (entries.length === 0) throw new Error('weighted() needs at least one entry');
  const items = entries.map(([item]) => item);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    if (!(w >= 0)) throw new Error('weights must be non-negative');
    total += w;
    cumulative.push(total);
  }
  if (total <= 0) throw new Error('weights must not all be zero');
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/**
 * Surnames with their rough share of the population (per mille, northern China), from the most
 * common down. A name is a surname and given characters drawn independently: it is never meant
 * to be anyone's.
 */
const SURNAME_TABLE: [string, number][] = [
  ['王', 75],
  ['李', 72],
  ['张', 70],
  ['刘', 56],
  ['赵', 28],
  ['杨', 30],
  ['陈', 30],
  ['郭', 15],
  ['高', 14],
  ['马', 14],
  ['孙', 14],
  ['周', 12],
  ['吴', 12],
  ['徐', 11],
  ['朱', 10],
  ['胡', 10],
  ['武', 9],
  ['田', 9],
  ['董', 8],
  ['贾', 8],
  ['梁', 8],
  ['韩', 8],
  ['郝', 8],
  ['任', 7],
  ['冯', 7],
  ['宋', 7],
  ['曹', 7],
  ['许', 6],
  ['何', 6],
  ['黄', 6],
  ['郑', 6],
  ['谢', 5],
  ['白', 7],
  ['闫', 6],
  ['史', 6],
  ['苏', 5],
  ['范', 5],
  ['魏', 5],
  ['吕', 5],
  ['丁', 5],
  ['侯', 5],
  ['孟', 5],
  ['薛', 5],
  ['乔', 5],
  ['常', 5],
  ['安', 4],
  ['牛', 4],
  ['温', 4],
  ['康', 4],
  ['段', 4],
  ['于', 4],
  ['杜', 4],
  ['袁', 4],
  ['姚', 4],
  ['崔', 4],
  ['姜', 4],
  ['邢', 4],
  ['齐', 4],
  ['耿', 3],
  ['申', 3],
  ['翟', 3],
  ['贺', 3],
  ['秦', 3],
  ['岳', 3],
  ['尹', 3],
  ['彭', 3],
  ['罗', 3],
  ['唐', 3],
  ['林', 3],
  ['曾', 2],
  ['肖', 3],
  ['潘', 2],
  ['蒋', 2],
  ['蔡', 2],
  ['余', 2],
  ['叶', 2],
  ['程', 3],
  ['沈', 2],
  ['卢', 3],
  ['钟', 2],
  ['陆', 2],
  ['汪', 2],
  ['金', 3],
  ['石', 3],
  ['夏', 2],
  ['付', 3],
  ['方', 2],
  ['邹', 1],
  ['熊', 1],
  ['邱', 2],
  ['江', 2],
  ['雷', 2],
  ['龙', 1],
  ['陶', 2],
  ['顾', 1],
  ['毛', 2],
  ['邵', 2],
  ['万', 2],
  ['钱', 2],
  ['严', 1],
  ['戴', 1],
  ['孔', 2],
  ['汤', 1],
  ['施', 1],
  ['文', 2],
  ['樊', 2],
  ['葛', 2],
  ['易', 1],
  ['庞', 2],
  ['倪', 1],
  ['庄', 1],
  ['聂', 2],
  ['鲁', 2],
  ['殷', 1],
  ['关', 2],
  ['兰', 1],
  ['焦', 2],
  ['左', 1],
  ['柳', 1],
  ['祝', 1],
  ['宁', 2],
  ['尚', 2],
  ['纪', 1],
  ['梅', 1],
  ['毕', 1],
  ['单', 1],
  ['季', 1],
  ['裴', 1],
  ['霍', 2],
  ['成', 1],
  ['苗', 2],
  ['谷', 2],
  ['盛', 1],
  ['曲', 1],
  ['路', 2],
  ['辛', 1],
  ['靳', 2],
  ['柴', 1],
  ['鲍', 1],
  ['华', 1],
  ['祁', 1],
  ['房', 1],
  ['解', 1],
  ['艾', 1],
  ['时', 1],
  ['穆', 1],
  ['司', 1],
  ['吉', 1],
  ['车', 1],
  ['连', 1],
  ['芦', 1],
  ['窦', 1],
  ['景', 1],
  ['党', 1],
  ['宫', 1],
  ['冷', 1],
  ['卫', 1],
  ['米', 1],
  ['宗', 1],
  ['全', 1],
  ['边', 1],
  ['姬', 1],
  ['师', 1],
  ['栾', 1],
  ['商', 1],
  ['荣', 1],
  ['郎', 1],
  ['甄', 1],
  ['巩', 1],
  ['明', 1],
  ['池', 1],
  ['苑', 1],
  ['迟', 1],
];

/**
 * Given-name characters with one reading only (no 乐, 长, 重 …), so that a name's pinyin is the
 * pinyin of its characters in any order.
 */
const GIVEN_MALE =
  '伟刚勇毅俊峰军平保东文辉力明永健世志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺子杰涛昌成康星光天达安岩中茂进林有坚彪博诚先敬震振壮群豪心邦承绍功松善厚庆磊民友裕河哲江超浩亮政谦固翰朗宏鸣朋斌梁栋维启克伦翔旭鹏晨辰士建致树炎德时泰雄琛钧冠策腾楠风航弘占卫立春金宝继向雪满喜旺';
const GIVEN_FEMALE =
  '秀娟英华慧巧美静淑惠珠翠雅芝玉萍娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱霞香月媛艳瑞凡佳嘉琼勤珍贞莉桂璐娅琦晶妍秋珊锦青倩婷婉娴瑾颖瑶怡雁蓓仪荷丹蓉君琴蕊薇菁梦岚苑馨琰韵艺悦昭冰爽茗羽希欣滢柔竹凝晓欢枫芸菲寒伊亚宜可舒影丽阳妮宝';

export const SURNAMES = SURNAME_TABLE.map(([s]) => s);
export const GIVEN_CHARS = { male: [...GIVEN_MALE], female: [...GIVEN_FEMALE] } as const;

const pickSurname = weighted(SURNAME_TABLE);

/**
 * A synthetic Chinese name: a surname by its frequency and one (about a quarter of names) or two
 * given characters, drawn from the set usual for the gender (the other set now and then).
 */
export function syntheticName(rng: Random, gender?: 'male' | 'female'): string {
  const sex = gender ?? (rng.chance(0.5) ? 'male' : 'female');
  const other = sex === 'male' ? 'female' : 'male';
  const given = () => rng.pick(GIVEN_CHARS[rng.chance(0.9) ? sex : other]);
  const surname = pickSurname(rng);
  return rng.chance(0.25) ? surname + given() : surname + given() + given();
}
