import fs from 'node:fs';
import path from 'node:path';
import type { MemberCreateBody } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { createSpool, type SpooledMember } from './members.import.spool';

const member = (i: number): SpooledMember => ({
  body: {
    name: `党员${i}`,
    idNumber: `1307321990010${String(i).padStart(5, '0')}`,
    phone: '13800138000',
    joinedAt: '2012-07-01',
    fullMemberAt: null,
    memberType: 'full',
    homeCounty: '130732',
    homeOrg: null,
    hostDistrict: null,
    hostAddress: i % 2 ? '北京市\n通州区 "梨园" \\ 镇' : null,
    employer: null,
    occupation: null,
    leftHomeAt: null,
    relationship: 'certificate',
    orgId: 3 + (i % 2),
    tags: i % 3 ? [] : ['联络员'],
    notes: null,
    source: 'imported',
  } as MemberCreateBody,
  id: {
    idNumber: `1307321990010${String(i).padStart(5, '0')}`,
    birthDate: '1990-01-01',
    gender: 'male',
    idHash: `h${i}`,
  },
});

describe('createSpool', () => {
  it('gives back the rows it kept, in order, in batches, and leaves nothing behind', async () => {
    const spool = await createSpool();
    const all = Array.from({ length: 2500 }, (_, i) => member(i));
    for (let i = 0; i < all.length; i += 700) await spool.add(all.slice(i, i + 700));
    expect(spool.count).toBe(2500);
    expect([...spool.orgIds].sort()).toEqual([3, 4]);
    const batches: SpooledMember[][] = [];
    for await (const batch of spool.batches(1000)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(all);
    expect((fs.statSync(spool.file).mode & 0o777).toString(8)).toBe('600');
    await spool.dispose();
    await spool.dispose();
    expect(fs.existsSync(path.dirname(spool.file))).toBe(false);
  });
});
