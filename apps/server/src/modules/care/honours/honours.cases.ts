/** Cases of the care API tests: honours (表彰), run by `care.int.test.ts` on its app. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { haidianOrg, kangbao, ledger, office, req, tongzhou, tongzhouOrg, tzKangbao } from '../care.fixture';

/** Individual and collective honours: the recipient, the ledger, the wall, scope. */
export function honourCases() {
  describe('honours (表彰)', () => {
    const honourBody = (extra: Record<string, unknown> = {}) => ({
      kind: 'individual',
      level: 'city',
      title: '优秀共产党员',
      issuer: '中共张家口市委',
      awardedOn: '2026-06-28',
      memberId: tzKangbao.id,
      ...extra,
    });

    it('the recipient must agree with the kind and lie in the write scope', async () => {
      const cases: [Record<string, unknown>, string[]][] = [
        [{ memberId: null }, ['memberId']],
        [{ recipientOrgId: tongzhouOrg.id }, ['recipientOrgId']],
        [{ kind: 'collective' }, ['memberId']],
        [{ kind: 'collective', memberId: null }, ['recipientOrgId']],
        [{ kind: 'collective', memberId: null, recipientName: '平安守望志愿服务队' }, ['orgId']],
        [{ kind: 'collective', memberId: null, recipientOrgId: haidianOrg.id }, ['recipientOrgId']],
        [{ level: 'town' }, ['level']],
      ];
      for (const [extra, fields] of cases) {
        const res = await req('POST', '/honours', tongzhou, honourBody(extra));
        expect(res.statusCode, JSON.stringify(extra)).toBe(400);
        expect(faultyFields(res), JSON.stringify(extra)).toEqual(fields);
      }
    });

    it('an individual honour is in the ledger; the wall puts collective honours first, by level', async () => {
      const person = await req('POST', '/honours', tongzhou, honourBody());
      expect(person.statusCode, person.body).toBe(201);
      expect(person.json()).toMatchObject({
        kindLabel: '个人',
        levelLabel: '市级',
        recipient: tzKangbao.name,
      });
      expect(await ledger(tzKangbao.id, 'honour')).toEqual([
        expect.objectContaining({
          source_id: `honour:${person.json().id}`,
          title: '优秀共产党员（中共张家口市委）',
        }),
      ]);
      const org = await req(
        'POST',
        '/honours',
        tongzhou,
        honourBody({
          kind: 'collective',
          memberId: null,
          recipientOrgId: tongzhouOrg.id,
          level: 'provincial',
          title: '先进基层党组织',
          issuer: '中共河北省委',
        }),
      );
      expect(org.statusCode, org.body).toBe(201);
      expect(org.json()).toMatchObject({ recipient: '驻北京通州区流动党委', org: { id: tongzhouOrg.id } });
      const group = await req(
        'POST',
        '/honours',
        office,
        honourBody({
          kind: 'collective',
          memberId: null,
          recipientName: '平安守望志愿服务队',
          orgId: tongzhouOrg.id,
          level: 'county',
          title: '优秀志愿服务集体',
          issuer: '通州区委',
        }),
      );
      expect(group.statusCode, group.body).toBe(201);
      const national = await req(
        'POST',
        '/honours',
        office,
        honourBody({
          kind: 'collective',
          memberId: null,
          recipientOrgId: haidianOrg.id,
          level: 'national',
          title: '全国先进基层党组织',
          issuer: '中共中央',
          awardedOn: '2021-06-28',
        }),
      );
      expect(national.statusCode, national.body).toBe(201);

      const wall = (await req('GET', '/honours/wall', tongzhou)).json();
      expect(wall.collective.map((h: { title: string }) => h.title)).toEqual([
        '先进基层党组织',
        '优秀志愿服务集体',
      ]);
      expect(wall.individual.map((h: { title: string }) => h.title)).toEqual(['优秀共产党员']);
      const officeWall = (await req('GET', '/honours/wall', office)).json();
      expect(officeWall.collective.map((h: { levelLabel: string }) => h.levelLabel)).toEqual([
        '国家级',
        '省级',
        '区县级',
      ]);
      // The home viewer sees its county's members' honours, not the orgs'.
      const home = (await req('GET', '/honours/wall', kangbao)).json();
      expect(home).toMatchObject({ collective: [], individual: [{ id: person.json().id }] });

      expect((await req('GET', '/honours?kind=collective&year=2026', tongzhou)).json().totals.count).toBe(2);
      expect((await req('GET', '/honours?level=national', tongzhou)).json().totals.count).toBe(0);
      expect((await req('GET', `/honours/${national.json().id}`, tongzhou)).statusCode).toBe(404);
      const upd = await req(
        'PUT',
        `/honours/${person.json().id}`,
        tongzhou,
        honourBody({ title: '优秀党务工作者', version: 0 }),
      );
      expect(upd.statusCode, upd.body).toBe(200);
      expect(await ledger(tzKangbao.id, 'honour')).toMatchObject([
        { title: '优秀党务工作者（中共张家口市委）' },
      ]);
      expect((await req('DELETE', `/honours/${person.json().id}`, tongzhou)).statusCode).toBe(204);
      expect(await ledger(tzKangbao.id, 'honour')).toEqual([]);
    });
  });
}
