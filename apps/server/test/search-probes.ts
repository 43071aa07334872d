import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../src/db/client';
import type { FieldCrypto } from '../src/lib/field-crypto';
import { type ReferenceMember, referenceMembers } from './member-reference';

/**
 * A search box query and, written out by hand, which members it should find: the meaning of
 * the query, stated apart from the code that turns it into SQL.
 */
export interface Probe {
  q: string;
  match(m: ReferenceMember): boolean;
}

/** The kinds of query probed, each picked from the data by `pickProbes`. */
export const PROBE_KINDS = [
  'a common 2-character name piece',
  'a rare 2-character name piece',
  'a 3-character full name',
  'the given name of a 3-character name',
  'the most common surname',
  'a surname that is also a given-name character',
  'full pinyin of a 2-character name',
  'full pinyin of a 3-character name, in capitals',
  'initials of a 3-character name',
  '2 letters that start both pinyin and initials',
  '4 digits ending both a phone and an ID number',
  '4 digits ending an ID number',
  '3 digits and X ending an ID number',
  '3 digits and a lower-case x',
  '4 full-width digits ending a phone',
  'a mobile number of a secretary-scope member',
  'a mobile number of a member outside that scope',
  'a mobile number one digit off a member’s',
  'an ID number of a secretary-scope member',
  'an ID number of a member outside that scope',
] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** Counts of every 2-character name piece and every surname (first character) in the base. */
export async function nameStats(db: Executor, chunk = 50_000) {
  const pieces = new Map<string, number>();
  const surnames = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let after = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; name: string }>(
      db,
      sql`select id, name from members where id > ${after} order by id limit ${chunk}`,
    );
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    for (const { name } of rows) {
      const chars = [...name];
      bump(surnames, chars[0]!);
      for (const piece of new Set(chars.slice(1).map((c, i) => chars[i]! + c))) bump(pieces, piece);
    }
  }
  return { pieces, surnames };
}

const byCount = (m: Map<string, number>) =>
  [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function first<T>(items: T[], test: (t: T) => boolean, what: string): T {
  const found = items.find(test);
  if (found === undefined) throw new Error(`the sample holds no ${what}`);
  return found;
}

/**
 * One probe of each kind, drawn from the base: name statistics over all members, the rest from
 * the first `sampleSize` members (the generator draws each record independently, so the first
 * ones are a fair sample). `inScope` tells the secretary's members.
 */
export async function pickProbes(
  db: Executor,
  crypto: FieldCrypto,
  inScope: (m: ReferenceMember) => boolean,
  sampleSize = 3000,
): Promise<Map<ProbeKind, Probe>> {
  const { pieces, surnames } = await nameStats(db);
  const sample: ReferenceMember[] = [];
  for await (const chunk of referenceMembers(db, crypto, { limit: sampleSize })) sample.push(...chunk);

  const contains = (q: string): Probe => ({ q, match: (m) => m.name.includes(q) });
  const startsWith = (q: string): Probe => ({ q, match: (m) => m.name.startsWith(q) });
  const pinyin = (q: string): Probe => {
    const p = q.toLowerCase();
    return { q, match: (m) => m.namePinyin.startsWith(p) || m.nameInitials.startsWith(p) };
  };
  const tail4 = (q: string, digits = q): Probe => ({
    q,
    match: (m) => m.phone.endsWith(digits) || m.idNumber.endsWith(digits),
  });
  const idTail = (q: string): Probe => ({ q, match: (m) => m.idNumber.endsWith(q.toUpperCase()) });
  const phone = (q: string): Probe => ({ q, match: (m) => m.phone === q });
  const idNumber = (q: string): Probe => ({ q, match: (m) => m.idNumber === q });

  // Most probes come from a member in the secretary's scope, so that both users find something.
  const mine = sample.filter(inScope);
  const others = sample.filter((m) => !inScope(m));
  const length = (n: number) => (m: ReferenceMember) => [...m.name].length === n;
  const threeChar = first(mine, length(3), '3-character name in scope');
  const twoChar = first(mine, length(2), '2-character name in scope');
  const otherThree = first(others, length(3), '3-character name outside the scope');
  const pieceOf = (name: string) => [...name].slice(1).map((c, i) => [...name][i]! + c);
  const rarest = (names: string[]) =>
    names.flatMap(pieceOf).sort((a, b) => pieces.get(a)! - pieces.get(b)! || (a < b ? -1 : 1))[0]!;

  // A surname also found inside given names: a one-character query must find only the surname.
  const givenChars = new Set(sample.flatMap((m) => [...m.name].slice(1)));
  const surnameAlsoGiven = first(
    byCount(surnames).reverse(),
    ([s]) => givenChars.has(s),
    'surname used as a given-name character',
  )[0];

  // Two letters that start both some names' pinyin and other names' initials, the least common.
  const share = (p: string) => {
    const full = sample.filter((m) => m.namePinyin.startsWith(p)).length;
    const initials = sample.filter((m) => m.nameInitials.startsWith(p)).length;
    return { p, full, initials };
  };
  const twoLetters = first(
    [...new Set(sample.map((m) => m.nameInitials.slice(0, 2)))]
      .filter((p) => p.length === 2)
      .sort()
      .map(share)
      .sort((a, b) => a.full + a.initials - (b.full + b.initials)),
    (s) => s.full > 0 && s.initials > 0,
    'two letters starting both pinyin and initials',
  ).p;

  const phoneTails = new Set(sample.map((m) => m.phone.slice(-4)));
  const bothTail = first(mine, (m) => phoneTails.has(m.idNumber.slice(-4)), 'shared tail').idNumber.slice(-4);
  const digitId = first(mine, (m) => /\d$/.test(m.idNumber) && !m.idNumber.endsWith(bothTail), 'ID tail');
  const xId = first(mine, (m) => m.idNumber.endsWith('X'), 'ID number ending in X in scope');
  const xId2 = first(others, (m) => m.idNumber.endsWith('X'), 'ID number ending in X outside');
  const scoped = first(mine, () => true, 'member in scope');
  const outside = first(others, () => true, 'member outside the scope');
  const offByOne = `${scoped.phone.slice(0, -1)}${(Number(scoped.phone.at(-1)) + 1) % 10}`;

  const probes: [ProbeKind, Probe][] = [
    ['a common 2-character name piece', contains(byCount(pieces)[0]![0])],
    ['a rare 2-character name piece', contains(rarest(mine.map((m) => m.name)))],
    ['a 3-character full name', contains(threeChar.name)],
    ['the given name of a 3-character name', contains([...otherThree.name].slice(1).join(''))],
    ['the most common surname', startsWith(byCount(surnames)[0]![0])],
    ['a surname that is also a given-name character', startsWith(surnameAlsoGiven)],
    ['full pinyin of a 2-character name', pinyin(twoChar.namePinyin)],
    ['full pinyin of a 3-character name, in capitals', pinyin(threeChar.namePinyin.toUpperCase())],
    ['initials of a 3-character name', pinyin(otherThree.nameInitials)],
    ['2 letters that start both pinyin and initials', pinyin(twoLetters)],
    ['4 digits ending both a phone and an ID number', tail4(bothTail)],
    ['4 digits ending an ID number', tail4(digitId.idNumber.slice(-4))],
    ['3 digits and X ending an ID number', idTail(xId.idNumber.slice(-4))],
    ['3 digits and a lower-case x', idTail(xId2.idNumber.slice(-4).toLowerCase())],
    [
      '4 full-width digits ending a phone',
      tail4(fullWidth(outside.phone.slice(-4)), outside.phone.slice(-4)),
    ],
    ['a mobile number of a secretary-scope member', phone(scoped.phone)],
    ['a mobile number of a member outside that scope', phone(outside.phone)],
    ['a mobile number one digit off a member’s', phone(offByOne)],
    ['an ID number of a secretary-scope member', idNumber(scoped.idNumber)],
    ['an ID number of a member outside that scope', idNumber(outside.idNumber)],
  ];
  return new Map(probes);
}

/** The ids each probe should find: among all members, and among those in scope. */
export async function expectedSets(
  db: Executor,
  crypto: FieldCrypto,
  probes: Map<ProbeKind, Probe>,
  inScope: (m: ReferenceMember) => boolean,
) {
  const sets = new Map(
    [...probes.keys()].map((k) => [k, { all: new Set<number>(), scoped: new Set<number>() }]),
  );
  const list = [...probes].map(([k, p]) => ({ p, s: sets.get(k)! }));
  let members = 0;
  for await (const chunk of referenceMembers(db, crypto)) {
    members += chunk.length;
    for (const m of chunk) {
      const scoped = inScope(m);
      for (const { p, s } of list) {
        if (!p.match(m)) continue;
        s.all.add(m.id);
        if (scoped) s.scoped.add(m.id);
      }
    }
  }
  return { sets, members };
}
