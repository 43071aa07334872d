import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/store';
import type { NamedStatement, Store } from './client';

const ECHO: NamedStatement = {
  name: 'nx_test_echo',
  paramTypes: ['text', 'int'],
  text: 'select $1::text as value, length($1) as chars, $2 + 1 as next',
};

/** A statement that finds itself among the connection's prepared statements. */
const SELF: NamedStatement = {
  name: 'nx_test_self',
  paramTypes: ['text'],
  text: 'select name from pg_prepared_statements where name = $1',
};

describe('named statements (runNamed)', () => {
  let store: Store & { dispose(): Promise<void> };
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.dispose());

  it('returns the rows of the statement for the values given', async () => {
    const rows = await store.runNamed<{ value: string; chars: number; next: number }>(ECHO, ['张三', '41']);
    expect(rows).toEqual([{ value: '张三', chars: 2, next: 42 }]);
  });

  it('takes quotes, backslashes and SQL in a value as data, not as SQL', async () => {
    for (const value of ["it's", "'); drop table users; --", 'C:\\temp\\', "\\'; select 1; --", '$1']) {
      const [row] = await store.runNamed<{ value: string; chars: number }>(ECHO, [value, '0']);
      expect(row).toEqual({ value, chars: value.length, next: 1 });
    }
    const [users] = await store.runNamed<{ name: string | null }>(
      { name: 'nx_test_users', paramTypes: [], text: "select to_regclass('users')::text as name" },
      [],
    );
    expect(users?.name).toBe('users');
  });

  it('is prepared once on the connection and then run by name', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await store.runNamed<{ name: string }>(SELF, [SELF.name])).toEqual([{ name: SELF.name }]);
    }
  });

  it('runs concurrently from many requests at once', async () => {
    const values = Array.from({ length: 30 }, (_, i) => `第${i}号`);
    const rows = await Promise.all(values.map((v) => store.runNamed<{ value: string }>(ECHO, [v, '0'])));
    expect(rows.map((r) => r[0]?.value)).toEqual(values);
  });

  it('fails like a query for a bad value, and keeps working after', async () => {
    await expect(store.runNamed(ECHO, ['x', 'not a number'])).rejects.toThrow(/integer/);
    expect((await store.runNamed<{ next: number }>(ECHO, ['x', '1']))[0]?.next).toBe(2);
  });
});
