import { idCheckChar, type MemberCreateInput } from '@ningxin/shared';

let seq = 0;

/** A valid synthetic ID number: region, birth date, a sequence whose parity gives the sex. */
export function syntheticIdNumber(
  region = '130723',
  birth = '19850612',
  gender: 'male' | 'female' = 'male',
): string {
  seq = (seq + 1) % 450;
  const n = 100 + seq * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birth}${String(n).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

let phoneSeq = 0;
export function syntheticPhone(): string {
  phoneSeq++;
  return `139${String(Date.now() % 10000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

/** A valid member create body; the org must be given. */
export function memberBody(
  orgId: number,
  overrides: Partial<MemberCreateInput> = {},
): MemberCreateInput & { idNumber: string; phone: string } {
  return {
    name: '测试党员',
    idNumber: syntheticIdNumber(),
    phone: syntheticPhone(),
    joinedAt: '2008-07-01',
    fullMemberAt: '2009-07-01',
    memberType: 'full',
    homeCounty: '130723',
    hostDistrict: '110112',
    relationship: 'certificate',
    orgId,
    tags: [],
    source: 'manual',
    ...overrides,
  };
}
