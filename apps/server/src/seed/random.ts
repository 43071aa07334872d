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
  };
}

export type Random = ReturnType<typeof createRandom>;

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田萧潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常';
const GIVEN =
  '建国志强海军红梅秀英玉兰桂芳立新永刚春生文华俊杰晓东丽娟德明国庆振华淑珍宏伟凤英树林家乐玉珍晓燕金山宝华继红成林素梅占军卫东利民向阳雪峰春燕秀兰';

/** A synthetic Chinese name: a common surname and one or two given-name characters. */
export function syntheticName(rng: Random): string {
  const surname = rng.pick([...SURNAMES]);
  const chars = [...GIVEN];
  return rng.next() < 0.3 ? surname + rng.pick(chars) : surname + rng.pick(chars) + rng.pick(chars);
}
