import { idCheckChar } from '@ningxin/shared';
import { addYears, dayOf, isoOf, yearOf } from './days';
import { BEIJING_STREETS } from './demo-beijing-streets';
import { BRANCH_TRADES } from './demo-committee';
import {
  COMMITTEE_WEIGHTS,
  DIVISION_NAMES,
  PHONE_PREFIXES,
  pickAge,
  pickCounty,
  pickDriveSource,
  pickEducationMiddle,
  pickEducationOld,
  pickEducationYoung,
  pickEthnicity,
  pickEthnicityBashang,
  pickJoinAge,
  pickLaterSource,
  pickRelationship,
  pickStatus,
  ROLE_TAG_CHANCES,
  TRADE_WEIGHTS,
  URBAN_COUNTIES,
} from './demo-member-distributions';
import {
  BASHANG_COUNTIES,
  COMPOUND_KINDS,
  COMPOUND_WORDS,
  FIRM_WORDS,
  HISTORICAL_CODES,
  HOME_COUNTY_WEIGHTS,
  HOME_TOWNS,
  HOME_VILLAGES,
  STATUS_REASONS,
  TRADES,
  VILLAGE_NAMES,
  VILLAGE_WORDS,
} from './demo-member-tables';
import { createRandom, mixSeed, type Random, syntheticName, weighted } from './random';

/** A branch of the demo committee that members are put in. */
export interface DemoBranch {
  id: number;
  path: string;
  /** The name of its second-level committee. */
  committee: string;
  /** The branch's trade (its name without 流动党支部). */
  trade: string;
  hostDistrict: string | null;
}

export { dayOf, isoOf } from './days';

export type DemoStatus = 'active' | 'lost' | 'returned' | 'transferred_out';

/** One synthetic member, in clear: the row builder encrypts what must be encrypted. */
export interface DemoMember {
  index: number;
  orgId: number;
  orgPath: string;
  name: string;
  gender: 'male' | 'female';
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  phone: string;
  education: string;
  joinedAt: string;
  fullMemberAt: string | null;
  memberType: 'full' | 'probationary';
  homeCounty: string;
  homeOrg: string;
  hostDistrict: string;
  hostAddress: string;
  employer: string;
  occupation: string;
  industry: string;
  leftHomeAt: string;
  relationship: 'certificate' | 'transferred_in' | 'at_home';
  tags: string[];
  source: 'found' | 'self_registered' | 'imported' | 'manual';
  /** When the record entered the base: the first event of its timeline. */
  registeredAt: string;
  status: DemoStatus;
  statusSince: string;
  /** The reason of the status change, for a member who is not 在册. */
  statusReason: string | null;
  lastContactAt: string;
}

const between = (rng: Random, lo: number, hi: number) => (hi <= lo ? lo : rng.int(lo, hi));

/** The founding drive of 2009 (组织找党员、党员找组织): about 8,000 members found in a little over a month. */
export const FOUNDING_DRIVE = { from: '2009-06-10', to: '2009-07-20' } as const;
/** The earliest joining year of a member in the demo. */
export const FIRST_JOIN_YEAR = 1965;

const REGION_CODES = [
  ...HOME_COUNTY_WEIGHTS.map(([c]) => c),
  ...Object.values(HISTORICAL_CODES).map((h) => h.code),
];
const REGION_INDEX = new Map(REGION_CODES.map((c, i) => [c, i]));

/**
 * A number standing for an ID number's region, birth date and sequence (the check character
 * follows from them), to keep generated ID numbers unique. Null for regions the generator never
 * uses.
 */
export function idNumberKey(region: string, birthDate: string, sequence: string | number): number | null {
  const r = REGION_INDEX.get(region);
  if (r === undefined) return null;
  const days = dayOf(birthDate) + 25_567; // since 1900-01-01
  return (r * 80_000 + days) * 1000 + Number(sequence);
}

/**
 * The 8 digits after a phone's prefix: a bijection of the record index (a 4-round Feistel
 * network over 10^8), so that phones are unique and do not look sequential.
 */
export function phoneSuffix(seed: number, index: number): string {
  let left = Math.floor(index / 10_000) % 10_000;
  let right = index % 10_000;
  for (let round = 0; round < 4; round++) {
    const next = (left + (mixSeed(seed ^ (0x5bd1e995 + round), right) % 10_000)) % 10_000;
    left = right;
    right = next;
  }
  return String(left * 10_000 + right).padStart(8, '0');
}

export interface DemoMemberGeneratorOptions {
  seed: number;
  /** The day the data is made for (YYYY-MM-DD): ages, recent dates and the probation year count from it. */
  today: string;
  branches: readonly DemoBranch[];
  /** Keys (`idNumberKey`) of ID numbers already in the base; generated ones are added. */
  taken?: Set<number>;
}

export type DemoMemberGenerator = (index: number) => DemoMember;

/**
 * The synthetic members of the demo committee: record `index` depends only on the seed, the day
 * and the branches, except that an ID number already taken is drawn again, so records must be
 * made in index order for the same output.
 */
export function createDemoMemberGenerator(options: DemoMemberGeneratorOptions): DemoMemberGenerator {
  const { seed, branches } = options;
  if (branches.length === 0) throw new Error('The demo members need at least one branch');
  const taken = options.taken ?? new Set<number>();
  const today = dayOf(options.today);
  const adultBy = (birth: number) => addYears(birth, 18);
  const lastFullJoin = dayOf(`${yearOf(today) - 2}-12-31`);
  const firstJoin = dayOf(`${FIRST_JOIN_YEAR}-01-01`);
  const driveFrom = dayOf(FOUNDING_DRIVE.from);
  const driveTo = dayOf(FOUNDING_DRIVE.to);

  const tradeTotals = new Map<string, number>();
  for (const b of branches)
    tradeTotals.set(b.committee, (tradeTotals.get(b.committee) ?? 0) + (TRADE_WEIGHTS[b.trade] ?? 10));
  const pickBranch = weighted(
    branches.map((b) => [
      b,
      ((COMMITTEE_WEIGHTS.get(b.committee) ?? 3) * (TRADE_WEIGHTS[b.trade] ?? 10)) /
        tradeTotals.get(b.committee)!,
    ]),
  );
  const districtWeights = new Map<string, number>();
  for (const b of branches) {
    if (!b.hostDistrict || !BEIJING_STREETS[b.hostDistrict]) continue;
    districtWeights.set(b.hostDistrict, (districtWeights.get(b.hostDistrict) ?? 0) + 1);
  }
  const pickOtherDistrict = weighted(
    Object.keys(BEIJING_STREETS).map((d) => [d, 1 + (districtWeights.get(d) ?? 0)]),
  );

  return (index) => {
    const rng = createRandom(mixSeed(seed, index));
    const branch = pickBranch(rng);
    const gender = rng.chance(0.72) ? 'male' : 'female';

    // Birth and the ID number.
    const [minAge, maxAge] = pickAge(rng);
    const age = rng.int(minAge, maxAge);
    let birth = between(rng, addYears(today, -(age + 1)) + 1, addYears(today, -age));
    const homeCounty = pickCounty(rng);
    const historical = HISTORICAL_CODES[homeCounty];
    const region =
      historical && yearOf(birth) < 1990 && rng.chance(historical.share) ? historical.code : homeCounty;
    let sequence = 0;
    let key = 0;
    for (let tries = 0; ; tries++) {
      if (tries > 0 && tries % 100 === 0) birth += 1; // a full day: try the next one
      sequence = 2 * rng.int(gender === 'male' ? 0 : 1, 499) + (gender === 'male' ? 1 : 0);
      key = idNumberKey(region, isoOf(birth), sequence)!;
      if (!taken.has(key)) break;
      if (tries > 1000) throw new Error('Could not find a free ID number');
    }
    taken.add(key);
    const birthDate = isoOf(birth);
    const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const idNumber = first17 + idCheckChar(first17);
    const name = syntheticName(rng, gender);
    const ethnicity = (BASHANG_COUNTIES.has(homeCounty) ? pickEthnicityBashang : pickEthnicity)(rng);
    const education = (age < 35 ? pickEducationYoung : age < 55 ? pickEducationMiddle : pickEducationOld)(
      rng,
    );

    // Membership: probationary members joined within the last year, full members by two years ago.
    const probationary = age <= 45 && rng.chance(0.06);
    let joined: number;
    let fullMember: number | null = null;
    if (probationary) {
      joined = today - rng.int(20, 360);
    } else {
      const lo = Math.max(adultBy(birth), firstJoin);
      const [minJoinAge, maxJoinAge] = pickJoinAge(rng);
      joined = addYears(birth, rng.int(minJoinAge, maxJoinAge)) + rng.int(0, 364);
      if (joined < lo || joined > lastFullJoin) joined = between(rng, lo, lastFullJoin);
      fullMember = Math.min(joined + 365 + rng.int(0, 60), today - 1);
    }

    // Into the base: the founding drive of 2009 for many, later finding or self-registration for the rest.
    const inDrive = joined < driveFrom && adultBy(birth) < driveFrom && rng.chance(0.99);
    const registered = inDrive
      ? rng.int(driveFrom, driveTo)
      : between(rng, Math.max(joined, adultBy(birth), driveTo + 1), today - 7);
    const source = (inDrive ? pickDriveSource : pickLaterSource)(rng);
    const leftFrom = Math.max(addYears(birth, 16), dayOf('1980-01-01'), registered - 15 * 365);
    const leftHome = between(rng, Math.min(leftFrom, registered), registered);

    // Home and host sides.
    const countyName = DIVISION_NAMES.get(homeCounty)!;
    const urban = URBAN_COUNTIES.has(homeCounty) && rng.chance(0.6);
    const homeOrg = urban
      ? `${countyName}${rng.pick(HOME_TOWNS)}街道${rng.pick(HOME_VILLAGES)}社区党支部`
      : `${countyName}${rng.pick(HOME_TOWNS)}镇${rng.pick(HOME_VILLAGES)}村党支部`;
    const ownDistrict =
      branch.hostDistrict && BEIJING_STREETS[branch.hostDistrict] ? branch.hostDistrict : null;
    const hostDistrict = ownDistrict && rng.chance(0.85) ? ownDistrict : pickOtherDistrict(rng);
    const street =
      branch.committee.includes('大栅栏') && hostDistrict === '110102' && rng.chance(0.5)
        ? '大栅栏街道'
        : rng.pick(BEIJING_STREETS[hostDistrict]!);
    const rural = /[镇乡]$/.test(street) && rng.chance(0.6);
    const place = rural
      ? `${rng.pick(VILLAGE_WORDS)}${rng.pick(VILLAGE_NAMES)}村${rng.int(1, 240)}号`
      : `${rng.pick(COMPOUND_WORDS)}${rng.pick(COMPOUND_KINDS)}${rng.int(1, 30)}号楼${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}`;
    const hostAddress = `${DIVISION_NAMES.get(hostDistrict)}${street}${place}`;
    const trade = TRADES[branch.trade] ?? TRADES[BRANCH_TRADES[7]]!;
    const employer = rng.pick(trade.employers).replace('{w}', rng.pick(FIRM_WORDS));

    // Status and contact.
    const status = pickStatus(rng);
    let statusSince = registered;
    let statusReason: string | null = null;
    let lastContact: number;
    if (status === 'active') {
      lastContact = rng.chance(0.7) ? today - rng.int(0, 180) : today - rng.int(181, 729);
    } else {
      // Within the last three years, at least half a year after registering where there is room.
      statusSince = between(rng, Math.min(Math.max(registered + 180, today - 3 * 365), today - 7), today - 7);
      statusReason = rng.pick(STATUS_REASONS[status]);
      lastContact = status === 'lost' ? statusSince - rng.int(180, 540) : statusSince - rng.int(0, 60);
    }
    lastContact = Math.max(lastContact, registered);
    const tags = status === 'active' ? ROLE_TAG_CHANCES.filter(([, p]) => rng.chance(p)).map(([t]) => t) : [];

    return {
      index,
      orgId: branch.id,
      orgPath: branch.path,
      name,
      gender,
      ethnicity,
      birthDate,
      idNumber,
      phone: `${rng.pick(PHONE_PREFIXES)}${phoneSuffix(seed, index)}`,
      education,
      joinedAt: isoOf(joined),
      fullMemberAt: fullMember === null ? null : isoOf(fullMember),
      memberType: probationary ? 'probationary' : 'full',
      homeCounty,
      homeOrg,
      hostDistrict,
      hostAddress,
      employer,
      occupation: rng.pick(trade.occupations),
      industry: rng.pick(trade.industries),
      leftHomeAt: isoOf(leftHome),
      relationship: pickRelationship(rng),
      tags,
      source,
      registeredAt: isoOf(registered),
      status,
      statusSince: isoOf(statusSince),
      statusReason,
      lastContactAt: isoOf(lastContact),
    };
  };
}
