import { MemberListResponse } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './serializer';

const writerFor = (schema: z.ZodType, check: boolean) =>
  responseSerializerCompiler(check)({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);
const zodWrites = (schema: z.ZodType, data: unknown) => JSON.stringify(z.encode(schema, data as never));

const Shape = z.object({
  cursor: z.string().meta({ format: 'page-cursor' }).nullable(),
  kind: z.enum(['a', 'b']).nullable(),
  n: z.number().int().nullable(),
  at: z.string().nullable(),
  note: z.string().optional(),
  owner: z.object({ name: z.string() }).nullable(),
  item: z.union([
    z.object({ k: z.literal('x'), v: z.number() }),
    z.object({ k: z.literal('y'), w: z.string() }),
  ]),
  tags: z.array(z.string()),
});

const values = [
  { cursor: null, kind: null, n: null, at: null, owner: null, item: { k: 'x', v: 1 }, tags: [] },
  {
    cursor: 'c1',
    kind: 'b',
    n: 0,
    at: '2026-12-07T00:00:00.000Z',
    note: '引号"与\u0000和孤立的\ud800',
    owner: { name: '张三', idNumber: '130732199001011234' },
    item: { k: 'y', w: '党员', secret: 1 },
    tags: ['联络员'],
    passwordHash: 'never written',
  },
];

describe.each([true, false])('the response writer (checking: %s)', (check) => {
  const write = writerFor(Shape, check);

  it('writes what zod’s encoding writes (optional keys may come last), extra keys left out at every depth', () => {
    for (const value of values) expect(JSON.parse(write(value))).toEqual(JSON.parse(zodWrites(Shape, value)));
    const written = write(values[1]);
    for (const leaked of ['idNumber', 'secret', 'passwordHash']) expect(written).not.toContain(leaked);
  });

  it('a member page: the same JSON as before', () => {
    const item = {
      ...{ id: 1, name: '王伟', gender: 'male', age: 40, idNumberMasked: '130732********1234' },
      ...{ phoneMasked: '138****1234', orgId: 5, orgName: '第一支部', homeCounty: '130732' },
      ...{ homeCountyName: '赤城县', hostDistrict: null, hostDistrictName: null, status: 'active' },
      ...{ memberType: 'full', tags: [], joinedAt: '2001-07-01', lastContactAt: null },
    };
    const page = { items: [item, { ...item, id: 2, idHash: 'x' }], nextCursor: null, total: 2 };
    expect(writerFor(MemberListResponse, check)(page)).toBe(zodWrites(MemberListResponse, page));
  });

  it('refuses a value its schema does not take, as zod did (a 500 that names nothing)', () => {
    expect(() => write({ ...values[0], item: { k: 'z' } })).toThrow(/doesn't match the schema/);
    expect(() => write({ ...values[0], tags: undefined })).toThrow();
  });
});
