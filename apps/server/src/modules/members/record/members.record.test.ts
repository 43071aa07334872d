import { idCheckChar, parseIdNumber } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../../lib/field-crypto';
import { buildMemberRow, memberRowOf } from './members.record';

const crypto = createFieldCrypto(Buffer.alloc(32, 7));
const ID = `13073219900101123${idCheckChar('13073219900101123')}`;
const input = {
  name: '单雄信',
  idNumber: ID,
  phone: '13800138000',
  joinedAt: '2012-07-01',
  memberType: 'full',
  homeCounty: '130732',
  relationship: 'certificate',
  tags: ['联络员', '联络员'],
  source: 'imported',
};
const org = { id: 7, path: '1.7' };

/** A row with its ciphertexts replaced by what they decrypt to (they differ on every call). */
const opened = (row: ReturnType<typeof buildMemberRow>) => ({
  ...row,
  idCipher: crypto.decrypt('idNumber', row.idCipher),
  phoneCipher: crypto.decrypt('phone', row.phoneCipher),
});

describe('memberRowOf', () => {
  it('builds from an ID number parsed before the same row as buildMemberRow', () => {
    const id = (parseIdNumber(ID) as { value: { idNumber: string; birthDate: string; gender: string } })
      .value;
    const built = buildMemberRow(crypto, input, org, '2024-06-01');
    expect(opened(memberRowOf(crypto, input, id, org, '2024-06-01'))).toEqual(opened(built));
    expect(built).toMatchObject({
      birthDate: '1990-01-01',
      gender: 'male',
      namePinyin: 'shanxiongxin',
      tags: ['联络员'],
    });
    // A hash computed before is taken as it is.
    expect(memberRowOf(crypto, input, { ...id, idHash: built.idHash }, org, '2024-06-01').idHash).toBe(
      built.idHash,
    );
  });
});
