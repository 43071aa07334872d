import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkIdAgainst,
  type IdNumberInfo,
  idCheckChar,
  maskIdNumber,
  normalizeIdNumber,
  parseIdNumber,
} from './id-number';

const today = new Date(2026, 0, 15); // local 2026-01-15

/** Independent check character: a second implementation of GB 11643's weighted sum. */
function withCheck(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * (2 ** (17 - i) % 11), 0);
  return first17 + '10X98765432'[sum % 11];
}

function valid(raw: string): IdNumberInfo {
  const r = parseIdNumber(raw, { today });
  if (!r.ok) throw new Error(`expected ${raw} to be valid, got ${r.code}`);
  return r.value;
}

function errorCode(raw: string): string | null {
  const r = parseIdNumber(raw, { today });
  return r.ok ? null : r.code;
}

describe('idCheckChar', () => {
  it('gives the check characters of the GB 11643-1999 examples', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('agrees with an independent implementation', () => {
    for (const first17 of [
      '13073219850615123',
      '13072119800101001',
      '11010819900307456',
      '00000000000000000',
    ]) {
      expect(first17 + idCheckChar(first17)).toBe(withCheck(first17));
    }
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('normalizeIdNumber', () => {
  it('trims, removes spaces (incl. U+3000) and converts full-width characters', () => {
    expect(normalizeIdNumber(' 110105 1949\u30001231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002Ｘ')).toBe('11010519491231002X');
  });
});

describe('parseIdNumber', () => {
  it('accepts the GB example: female, born 1949-12-31, in 朝阳区', () => {
    expect(valid('11010519491231002X')).toEqual({
      idNumber: '11010519491231002X',
      regionCode: '110105',
      regionName: '朝阳区',
      birthDate: '1949-12-31',
      gender: 'female',
      converted: false,
    });
  });

  it('accepts a lower-case x, full-width digits and embedded spaces', () => {
    expect(valid('11010519491231002x').idNumber).toBe('11010519491231002X');
    expect(valid('１１０１０５１９４９１２３１００２Ｘ').idNumber).toBe('11010519491231002X');
    expect(valid(' 110105 19491231 002X\u3000').idNumber).toBe('11010519491231002X');
  });

  it('derives a male from an odd sequence digit', () => {
    const id = withCheck('13073219850615123');
    expect(valid(id)).toMatchObject({ gender: 'male', birthDate: '1985-06-15', regionName: '赤城县' });
  });

  it('refuses an empty value', () => {
    expect(errorCode('')).toBe('ID_EMPTY');
    expect(errorCode(' \u3000 ')).toBe('ID_EMPTY');
  });

  it('refuses wrong lengths and misplaced letters', () => {
    expect(errorCode('1101051949123100')).toBe('ID_FORMAT');
    expect(errorCode('11010519491231002X1')).toBe('ID_FORMAT');
    expect(errorCode('1101051949123X0021')).toBe('ID_FORMAT');
    expect(errorCode('11010519491231002Y')).toBe('ID_FORMAT');
    expect(errorCode('1.10105E+17')).toBe('ID_FORMAT');
  });

  it('refuses a wrong check character without revealing the right one', () => {
    const r = parseIdNumber('110105194912310021', { today });
    expect(r).toEqual({ ok: false, code: 'ID_CHECKSUM', message: expect.stringContaining('校验位不正确') });
    if (!r.ok) expect(r.message).not.toMatch(/X|110105/);
  });

  it('refuses an impossible birth date even with a matching check character', () => {
    expect(errorCode(withCheck('11010519490230002'))).toBe('ID_BIRTH_DATE');
    expect(errorCode(withCheck('11010519491301002'))).toBe('ID_BIRTH_DATE');
  });

  it('accepts 29 February only in a leap year', () => {
    expect(valid(withCheck('13072320000229002')).birthDate).toBe('2000-02-29');
    expect(errorCode(withCheck('13072319000229002'))).toBe('ID_BIRTH_DATE');
  });

  it('refuses a birth date in the future or before 1900', () => {
    expect(errorCode(withCheck('13072320260116002'))).toBe('ID_BIRTH_DATE');
    expect(valid(withCheck('13072320260115002')).birthDate).toBe('2026-01-15');
    // The second GB 11643 example: a correct check character, but born in 1880.
    expect(errorCode('440524188001010014')).toBe('ID_BIRTH_DATE');
  });

  it('converts a 15-digit legacy number', () => {
    const info = valid('130723710101123');
    const expected = withCheck('13072319710101123');
    expect(expected).toBe('13072319710101123X');
    expect(info).toEqual({
      idNumber: expected,
      regionCode: '130723',
      regionName: '康保县',
      birthDate: '1971-01-01',
      gender: 'male',
      converted: true,
    });
  });

  it('refuses a 15-digit number with an impossible date', () => {
    expect(errorCode('130723710230123')).toBe('ID_BIRTH_DATE');
  });

  it('accepts historical region codes with their old names', () => {
    expect(valid(withCheck('13072119800101001')).regionName).toBe('宣化县');
    expect(valid(withCheck('13072919800101001')).regionName).toBe('万全县');
    expect(valid(withCheck('13073319800101001')).regionName).toBe('崇礼县');
  });

  it('accepts a region outside the tables by its shape, without a name', () => {
    expect(valid(withCheck('44030519900101001'))).toMatchObject({ regionCode: '440305', regionName: null });
  });

  it('refuses a region whose province part does not exist', () => {
    for (const region of ['990101', '000000', '100101', '160101', '240101', '470101', '720101', '830101']) {
      expect(errorCode(withCheck(`${region}19900101001`)), region).toBe('ID_REGION');
    }
    expect(errorCode('990101900101001')).toBe('ID_REGION');
  });
});

describe('checkIdAgainst', () => {
  const male = valid(withCheck('13073219850615123')); // born 1985-06-15, male

  it('finds nothing when everything agrees or is not given', () => {
    expect(checkIdAgainst(male, { gender: 'male', birthDate: '1985-06-15', joinedAt: '2010-07-01' })).toEqual(
      [],
    );
    expect(checkIdAgainst(male, {})).toEqual([]);
    expect(checkIdAgainst(male, { gender: null, birthDate: null, joinedAt: null })).toEqual([]);
  });

  it('reports a gender that disagrees with the sequence digit', () => {
    expect(checkIdAgainst(male, { gender: 'female' })).toEqual([
      { field: 'gender', code: 'ID_GENDER_MISMATCH', message: '性别与身份证号不符' },
    ]);
    expect(checkIdAgainst(male, { gender: '女' })).toHaveLength(1);
    expect(checkIdAgainst(male, { gender: '男' })).toEqual([]);
  });

  it('reports a birth date that disagrees with the number', () => {
    expect(checkIdAgainst(male, { birthDate: '1985-06-16' })).toEqual([
      { field: 'birthDate', code: 'ID_BIRTH_MISMATCH', message: '出生日期与身份证号不符' },
    ]);
  });

  it('compares a spreadsheet birth date in any accepted form, month-only by month', () => {
    expect(checkIdAgainst(male, { birthDate: '1985年6月15日' })).toEqual([]);
    expect(checkIdAgainst(male, { birthDate: '1985.06' })).toEqual([]);
    expect(checkIdAgainst(male, { birthDate: '198507' })).toHaveLength(1);
  });

  it('refuses joining before the 18th birthday and accepts it on the day', () => {
    expect(checkIdAgainst(male, { joinedAt: '2003-06-14' })).toEqual([
      { field: 'joinedAt', code: 'JOINED_UNDER_18', message: '入党时未满 18 周岁' },
    ]);
    expect(checkIdAgainst(male, { joinedAt: '2003-06-15' })).toEqual([]);
  });

  it('refuses a month-only joining date only when the whole month is too early', () => {
    expect(checkIdAgainst(male, { joinedAt: '2003-06' })).toEqual([]);
    expect(checkIdAgainst(male, { joinedAt: '2003-05' })).toHaveLength(1);
  });

  it('counts a 29 February birthday as reached on 1 March in a common year', () => {
    const leap = valid(withCheck('13072319880229002'));
    expect(checkIdAgainst(leap, { joinedAt: '2006-02-28' })).toHaveLength(1);
    expect(checkIdAgainst(leap, { joinedAt: '2006-03-01' })).toEqual([]);
  });

  it('reports every conflict at once', () => {
    const fields = checkIdAgainst(male, {
      gender: 'female',
      birthDate: '1986-01-01',
      joinedAt: '2000-01-01',
    });
    expect(fields.map((c) => c.field)).toEqual(['gender', 'birthDate', 'joinedAt']);
  });
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last 4 characters', () => {
    expect(maskIdNumber('13073219850615123X')).toBe('130732********123X');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('hides a short value completely', () => {
    expect(maskIdNumber('12345')).toBe('*****');
  });
});

describe('ageOn', () => {
  it('counts full years', () => {
    expect(ageOn('1985-06-15', new Date(2026, 5, 14))).toBe(40);
    expect(ageOn('1985-06-15', new Date(2026, 5, 15))).toBe(41);
    expect(ageOn('1985-06-15', '2026-12-31')).toBe(41);
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
  });

  it('refuses a malformed date', () => {
    expect(() => ageOn('1985/06/15', today)).toThrow(RangeError);
  });
});
