import {
  ageOn,
  CITIES,
  checkIdAgainst,
  DIVISION_SUCCESSORS,
  EDUCATION_LEVELS,
  ETHNICITIES,
  MEMBER_SOURCES,
  parseIdNumber,
  parsePhone,
  RELATIONSHIP_TYPES,
} from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../lib/field-crypto';
import { namePinyin } from '../lib/pinyin';
import { BRANCH_TRADES, secondLevelCommittees } from './demo-committee';
import { createPinyinCache, demoMemberRow, demoStatusEvents, memberCopyLine } from './demo-member-rows';
import {
  createDemoMemberGenerator,
  type DemoBranch,
  type DemoMember,
  FIRST_JOIN_YEAR,
  idNumberKey,
  phoneSuffix,
} from './demo-members';

const TODAY = '2026-11-29';

/** A tree shaped like the demo committee's: every second-level committee with 3–8 trade branches. */
const branches: DemoBranch[] = secondLevelCommittees().flatMap((c, ci) =>
  BRANCH_TRADES.slice(0, 3 + (ci % 6)).map((trade, bi) => ({
    id: 100 + ci * 10 + bi,
    path: `1.${2 + ci}.${100 + ci * 10 + bi}`,
    committee: c.name,
    trade,
    hostDistrict: c.hostDistrict,
  })),
);
const byId = new Map(branches.map((b) => [b.id, b]));

function generate(n: number, seed = 2009, taken?: Set<number>): DemoMember[] {
  const gen = createDemoMemberGenerator({ seed, today: TODAY, branches, ...(taken ? { taken } : {}) });
  return Array.from({ length: n }, (_, i) => gen(i));
}

const N = 12_000;
const members = generate(N);
const share = (pred: (m: DemoMember) => boolean, of: readonly DemoMember[] = members) =>
  of.filter(pred).length / of.length;

describe('the demo member generator', { timeout: 60_000 }, () => {
  it('makes valid ID numbers whose birth date and sex are the record’s', () => {
    const today = new Date(`${TODAY}T12:00:00`);
    const bad = members.filter((m) => {
      const id = parseIdNumber(m.idNumber, { today });
      if (!id.ok) return true;
      // The region is the home county, or its code before 2016.
      const region = id.value.regionCode;
      return (
        id.value.birthDate !== m.birthDate ||
        id.value.gender !== m.gender ||
        (DIVISION_SUCCESSORS[region] ?? region) !== m.homeCounty ||
        checkIdAgainst(id.value, { gender: m.gender, birthDate: m.birthDate, joinedAt: m.joinedAt }).length >
          0
      );
    });
    expect(bad.slice(0, 3)).toEqual([]);
    expect(new Set(members.map((m) => m.idNumber)).size).toBe(N);
  });

  it('keeps ages within 20–85 and joining at 18 or older, from 1965', () => {
    const bad = members.filter((m) => {
      const age = ageOn(m.birthDate, TODAY);
      return (
        age < 20 ||
        age > 85 ||
        ageOn(m.birthDate, m.joinedAt) < 18 ||
        Number(m.joinedAt.slice(0, 4)) < FIRST_JOIN_YEAR ||
        !(m.joinedAt <= TODAY && m.leftHomeAt <= m.registeredAt && m.registeredAt <= TODAY) ||
        m.joinedAt > m.registeredAt ||
        m.lastContactAt < m.registeredAt ||
        m.lastContactAt > TODAY
      );
    });
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('gives full members a full date about a year after joining, and probationers a recent joining', () => {
    const bad = members.filter((m) => {
      if (m.memberType === 'probationary')
        return m.fullMemberAt !== null || (Date.parse(TODAY) - Date.parse(m.joinedAt)) / 86_400_000 > 366;
      const days = (Date.parse(m.fullMemberAt!) - Date.parse(m.joinedAt)) / 86_400_000;
      return Number(m.joinedAt.slice(0, 4)) > 2024 || days < 365 || days > 430;
    });
    expect(bad.slice(0, 3)).toEqual([]);
    const probationary = share((m) => m.memberType === 'probationary');
    expect(probationary).toBeGreaterThan(0.02);
    expect(probationary).toBeLessThan(0.045);
  });

  it('uses only the 16 current divisions as home counties, the big counties most', () => {
    const current = new Set(CITIES['130700']!.divisions.map((d) => d.code));
    const counts = new Map<string, number>();
    for (const m of members) counts.set(m.homeCounty, (counts.get(m.homeCounty) ?? 0) + 1);
    expect([...counts.keys()].every((c) => current.has(c))).toBe(true);
    expect(counts.size).toBe(16);
    expect(counts.get('130726')!).toBeGreaterThan(counts.get('130706')! * 3); // 蔚县 ≫ 下花园区
    const historical = share((m) => /^(130721|130729|130733)/.test(m.idNumber));
    expect(historical).toBeGreaterThan(0.02);
    expect(historical).toBeLessThan(0.1);
  });

  it('makes unique, valid mobile phones', () => {
    expect(members.filter((m) => !parsePhone(m.phone).ok).slice(0, 3)).toEqual([]);
    expect(new Set(members.map((m) => m.phone)).size).toBe(N);
    // The suffix is a bijection of the index: no two of the first 200,000 share one.
    const suffixes = new Set<string>();
    for (let i = 0; i < 200_000; i++) suffixes.add(phoneSuffix(2009, i));
    expect(suffixes.size).toBe(200_000);
  });

  it('is deterministic: the same seed gives the same records, another seed others', () => {
    expect(generate(100)).toEqual(members.slice(0, 100));
    const other = generate(100, 7);
    expect(other.filter((m, i) => m.idNumber === members[i]!.idNumber)).toHaveLength(0);
  });

  it('never reuses an ID number already taken', () => {
    const taken = new Set<number>();
    for (const m of members.slice(0, 500)) {
      taken.add(idNumberKey(m.idNumber.slice(0, 6), m.birthDate, m.idNumber.slice(14, 17))!);
    }
    // The same seed would make the same 500 numbers again; every one is drawn anew instead.
    const again = generate(500, 2009, taken);
    const before = new Set(members.slice(0, 500).map((m) => m.idNumber));
    expect(again.filter((m) => before.has(m.idNumber))).toHaveLength(0);
  });

  it('houses ≥ 80% of a committee’s members in its district, the rest elsewhere in Beijing', () => {
    const beijing = new Set(CITIES['110000']!.divisions.map((d) => d.code));
    for (const c of secondLevelCommittees()) {
      const own = members.filter((m) => byId.get(m.orgId)!.committee === c.name);
      expect(own.length).toBeGreaterThan(50);
      const inDistrict = share((m) => m.hostDistrict === c.hostDistrict, own);
      expect(inDistrict, c.name).toBeGreaterThanOrEqual(0.8);
      expect(inDistrict, c.name).toBeLessThan(0.97);
    }
    const names = new Map(CITIES['110000']!.divisions.map((d) => [d.code, d.name]));
    const bad = members.filter(
      (m) =>
        !beijing.has(m.hostDistrict) ||
        !m.hostAddress.startsWith(names.get(m.hostDistrict)!) ||
        !/(街道|镇|乡|地区).+(小区|家园|花园|新城|苑|里|公寓|村).*\d+号/.test(m.hostAddress),
    );
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('spreads members unevenly: 通州, 大兴, 朝阳, 大栅栏 and 海淀 are the biggest', () => {
    const sizes = new Map<string, number>();
    for (const m of members) {
      const c = byId.get(m.orgId)!.committee;
      sizes.set(c, (sizes.get(c) ?? 0) + 1);
    }
    expect(sizes.size).toBe(17);
    const biggest = [...sizes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name]) => name);
    expect(new Set(biggest)).toEqual(
      new Set([
        '驻北京通州区流动党委',
        '驻北京大兴区流动党委',
        '驻北京朝阳区流动党委',
        '驻北京大栅栏街道流动党委',
        '驻北京海淀区流动党委',
      ]),
    );
    expect(Math.max(...sizes.values())).toBeGreaterThan(5 * Math.min(...sizes.values()));
  });

  it('draws statuses, tags, sources, relationships, ethnicity and education as designed', () => {
    const lost = share((m) => m.status === 'lost');
    expect(lost).toBeGreaterThanOrEqual(0.02);
    expect(lost).toBeLessThanOrEqual(0.05);
    expect(share((m) => m.status === 'active')).toBeGreaterThan(0.9);
    expect(share((m) => m.status === 'returned')).toBeGreaterThan(0.005);
    expect(share((m) => m.status === 'transferred_out')).toBeGreaterThan(0.005);
    expect(members.filter((m) => (m.status === 'active') !== (m.statusReason === null))).toEqual([]);
    // Lost members were last heard of longer ago than active ones.
    const lastContact = (s: string) =>
      members.filter((m) => m.status === s).reduce((sum, m) => sum + Date.parse(m.lastContactAt), 0) /
      members.filter((m) => m.status === s).length;
    expect(lastContact('lost')).toBeLessThan(lastContact('active') - 365 * 86_400_000);
    expect(share((m) => m.status === 'active' && m.lastContactAt >= '2024-11-29', members)).toBeGreaterThan(
      0.9,
    );

    const tagged = members.filter((m) => m.tags.length > 0).length;
    expect(tagged).toBeGreaterThan(200);
    expect(tagged).toBeLessThan(800);
    expect(new Set(members.flatMap((m) => m.tags))).toEqual(new Set(['联络员', '招商员', '宣传员']));

    expect(share((m) => m.source === 'found' || m.source === 'self_registered')).toBeGreaterThan(0.85);
    expect(members.every((m) => (MEMBER_SOURCES as readonly string[]).includes(m.source))).toBe(true);
    // The founding drive of 2009 brought in most of today's base (the seed: ~8,000 of ~12,000),
    // nearly all of them found by the working group.
    const drive = share((m) => m.registeredAt.startsWith('2009-0'));
    expect(drive).toBeGreaterThan(0.5);
    expect(drive).toBeLessThan(0.75);
    const foundInDrive = share((m) => m.registeredAt.startsWith('2009-0') && m.source === 'found');
    expect(foundInDrive / drive).toBeGreaterThan(0.9);

    expect(share((m) => m.relationship === 'certificate')).toBeGreaterThan(0.5);
    expect(members.every((m) => (RELATIONSHIP_TYPES as readonly string[]).includes(m.relationship))).toBe(
      true,
    );
    expect(share((m) => m.ethnicity === '01')).toBeGreaterThan(0.9);
    expect(new Set(members.map((m) => m.ethnicity))).toEqual(new Set(['01', '02', '03', '11']));
    expect(members.every((m) => ETHNICITIES.some((e) => e.code === m.ethnicity))).toBe(true);
    expect(members.every((m) => EDUCATION_LEVELS.some((e) => e.code === m.education))).toBe(true);
    // Older members have had less schooling.
    const degree = (m: DemoMember) => m.education === '20' || m.education === '14';
    const young = members.filter((m) => ageOn(m.birthDate, TODAY) < 35);
    const old = members.filter((m) => ageOn(m.birthDate, TODAY) >= 55);
    expect(share(degree, young)).toBeGreaterThan(2 * share(degree, old));
    expect(share((m) => m.gender === 'male')).toBeGreaterThan(0.6);
  });

  it('matches the work to the branch’s trade', () => {
    for (const m of members.slice(0, 2000)) {
      const trade = byId.get(m.orgId)!.trade;
      if (trade === '建筑业') expect(m.industry).toBe('建筑业');
      if (trade === '餐饮服务') expect(m.industry).toBe('住宿和餐饮业');
      if (trade === '家政服务') expect(m.employer).toMatch(/家政|养老|保洁/);
      expect(m.employer.length).toBeGreaterThan(3);
      expect(m.occupation.length).toBeGreaterThan(1);
    }
  });

  it('makes names of a surname and one or two given characters', () => {
    expect(members.filter((m) => !/^\p{Script=Han}{2,3}$/u.test(m.name))).toEqual([]);
    const distinct = new Set(members.map((m) => m.name)).size;
    expect(distinct).toBeGreaterThan(N * 0.7);
  });
});

describe('demo member rows', { timeout: 60_000 }, () => {
  const crypto = createFieldCrypto(Buffer.alloc(32, 9));
  const pinyin = createPinyinCache();

  it('composes the same pinyin as namePinyin, from cached characters', () => {
    const differ = members.slice(0, 3000).filter((m) => {
      const [a, b] = [pinyin(m.name), namePinyin(m.name)];
      return a.full !== b.full || a.initials !== b.initials;
    });
    expect(differ.map((m) => m.name)).toEqual([]);
  });

  it('encrypts and masks personal data; the timeline holds the creation and the change', () => {
    const lost = members.find((m) => m.status === 'lost')!;
    const row = demoMemberRow(crypto, pinyin, lost);
    expect(crypto.decrypt('idNumber', row.idCipher)).toBe(lost.idNumber);
    expect(crypto.decrypt('phone', row.phoneCipher)).toBe(lost.phone);
    expect(row.idHash).toBe(crypto.hash('idNumber', lost.idNumber));
    expect(row.idMasked).toBe(`${lost.idNumber.slice(0, 6)}********${lost.idNumber.slice(-4)}`);
    expect(row.phoneMasked).toBe(`${lost.phone.slice(0, 3)}****${lost.phone.slice(-4)}`);
    expect(JSON.stringify(row)).not.toContain(lost.idNumber);
    expect(row.status).toBe('lost');
    const events = demoStatusEvents(42, lost);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.effectiveDate])).toEqual([
      [null, 'active', lost.registeredAt],
      ['active', 'lost', lost.statusSince],
    ]);
    expect(events[1]!.reason).toBe(lost.statusReason);
  });

  it('writes COPY lines of 36 fields, with \\N for null and array literals for tags', () => {
    const tagged =
      members.find((m) => m.tags.length > 0 && m.memberType === 'probationary') ??
      members.find((m) => m.tags.length > 0)!;
    const line = memberCopyLine(7, demoMemberRow(crypto, pinyin, tagged));
    expect(line.endsWith('\n')).toBe(true);
    const fields = line.slice(0, -1).split('\t');
    expect(fields).toHaveLength(36);
    expect(fields[0]).toBe('7');
    expect(fields[30]).toBe(`{${tagged.tags.join(',')}}`);
    if (tagged.memberType === 'probationary') expect(fields[19]).toBe('\\N');
  });
});
