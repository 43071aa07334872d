/** Cases of the care API tests: Party anniversaries (政治生日), run by `care.int.test.ts` on its app. */
import { describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/factories';
import { committeeDay } from '../../notices/anniversaries';
import { haidian, me, member, req, t, tongzhou, tzOther, visitBody } from '../care.fixture';

/** The window of anniversaries, the birthday card, and the member’s own care page. */
export function anniversaryCases() {
  describe('Party anniversaries (政治生日) and the member', () => {
    it('lists the members whose anniversary falls in the window, with the years, in scope', async () => {
      const on = `2026-${tzOther.joined_at.slice(5)}`;
      const years = 2026 - Number(tzOther.joined_at.slice(0, 4));
      const res = await req('GET', `/care/birthdays?from=${on}&days=1`, tongzhou);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toContainEqual(
        expect.objectContaining({
          member: { id: tzOther.id, name: tzOther.name },
          on,
          years,
          joinedAt: tzOther.joined_at,
        }),
      );
      const other = (await req('GET', `/care/birthdays?from=${on}&days=1`, haidian)).json();
      expect(other.items.map((i: { member: { id: number } }) => i.member.id)).not.toContain(tzOther.id);
      const week = (await req('GET', '/care/birthdays', tongzhou)).json();
      expect(week.from).toBe(committeeDay(new Date()));
      const todo = (await req('GET', '/workbench', tongzhou)).json().todos;
      const count = todo.find((x: { key: string }) => x.key === 'care.anniversaries')?.count ?? 0;
      expect(count).toBe(week.items.length);
    });

    it('prints a birthday card for a member in scope, audited; 404 outside', async () => {
      const before = await auditCount(t.store, 'care.birthday_card_printed', tzOther.id);
      const res = await req('GET', `/care/birthdays/${tzOther.id}/card.pdf`, tongzhou);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await auditCount(t.store, 'care.birthday_card_printed', tzOther.id)).toBe(before + 1);
      expect((await req('GET', `/care/birthdays/${tzOther.id}/card.pdf`, haidian)).statusCode).toBe(404);
    });

    it('a member sees their own visits, help, honours and next anniversary', async () => {
      const v = await req(
        'POST',
        '/care/visits',
        tongzhou,
        visitBody({ memberId: me.id, reason: 'anniversary', holiday: null }),
      );
      expect(v.statusCode, v.body).toBe(201);
      await req('POST', '/honours', tongzhou, {
        kind: 'individual',
        level: 'committee',
        title: '优秀共产党员',
        issuer: '中共张家口市驻京流动党员联合委员会',
        awardedOn: '2026-07-01',
        memberId: me.id,
      });
      const mine = await req('GET', '/care/mine', member);
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json()).toMatchObject({
        visits: [{ id: v.json().id, title: '政治生日走访', visitedOn: '2026-02-10' }],
        honours: [{ title: '优秀共产党员', levelLabel: '流动党委' }],
        help: [],
      });
      const next = mine.json().nextBirthday;
      expect(next.on >= committeeDay(new Date())).toBe(true);
      expect(next.on.slice(5) === next.joinedAt.slice(5) || next.on.slice(5) === '02-28').toBe(true);
    });
  });
}
