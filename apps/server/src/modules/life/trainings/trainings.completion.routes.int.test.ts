/** Completion: certificate numbers, study hours, the attendance rule and certificate downloads. */
import { addDays } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { hasPoppler, inCI, pdfPages } from '../../../../test/pdf';
import { queryRows } from '../../../db/client';
import {
  API,
  auditCount,
  createClass,
  haidian,
  member,
  memberLogin,
  nominate,
  office,
  openClass,
  t,
  take,
  today,
  tongzhou,
  useTrainingsWorld,
} from './trainings.fixture';

useTrainingsWorld();

describe('completion: certificates and study hours', () => {
  it('401, 403, 400, and 409 for a draft class', async () => {
    const c = await createClass(tongzhou);
    expect(
      (await t.request({ method: 'POST', url: `${API}/${c.id}/complete`, payload: {} })).statusCode,
    ).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: `${API}/${c.id}/complete`, cookie: member, payload: {} }))
        .statusCode,
    ).toBe(403);
    const bad = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/complete`,
      cookie: tongzhou,
      payload: { minAttendancePercent: 120 },
    });
    expect(faultyFields(bad)).toEqual(['minAttendancePercent']);
    const draft = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/complete`,
      cookie: tongzhou,
      payload: {},
    });
    expect(draft.statusCode).toBe(409);
  });

  it('numbers certificates uniquely per year, credits study hours once, and honours the attendance rule', async () => {
    const c = await openClass(tongzhou, {
      quota: 4,
      studyHours: 12.5,
      startsOn: addDays(today, -3),
      endsOn: addDays(today, -1),
    });
    const s = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/sessions`,
      cookie: tongzhou,
      payload: { title: '第一讲', startsAt: new Date(Date.now() - 2 * 86_400_000).toISOString() },
    });
    const picks = [take(), take(), take()];
    const enrolled = (
      await nominate(
        tongzhou,
        c.id,
        picks.map((p) => p.id),
      )
    ).json().items as { id: number }[];
    await t.request({
      method: 'PUT',
      url: `${API}/sessions/${s.json().id}/attendance`,
      cookie: tongzhou,
      payload: {
        records: [
          { memberId: picks[0]!.id, status: 'signed' },
          { memberId: picks[1]!.id, status: 'late' },
          { memberId: picks[2]!.id, status: 'absent' },
        ],
      },
    });
    // Completing two at once and a third concurrently with another class still gives unique numbers.
    const other = await openClass(tongzhou, { quota: 2 });
    const otherPick = take();
    await nominate(tongzhou, other.id, [otherPick.id]);
    const [res, res2] = await Promise.all([
      t.request({
        method: 'POST',
        url: `${API}/${c.id}/complete`,
        cookie: tongzhou,
        payload: { minAttendancePercent: 100 },
      }),
      t.request({ method: 'POST', url: `${API}/${other.id}/complete`, cookie: office, payload: {} }),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res.json().completed).toHaveLength(2);
    expect(res.json().skipped).toEqual([
      expect.objectContaining({ enrolmentId: enrolled[2]!.id, attended: 0 }),
    ]);
    const numbers = [...res.json().completed, ...res2.json().completed].map(
      (e: { certificateNo: string }) => e.certificateNo,
    );
    expect(new Set(numbers).size).toBe(3);
    for (const n of numbers) expect(n).toMatch(/^培〔\d{4}〕\d{4}$/);
    // Study hours in the ledger, once per member, for the completed only.
    const ledger = await queryRows<{ member_id: number; quantity: string }>(
      t.store.db,
      sql`select member_id, quantity::text from member_activity where source_module = 'trainings' and source_id = ${`training:${c.id}`} and kind = 'study_hours' order by member_id`,
    );
    expect(ledger.map((l) => [l.member_id, Number(l.quantity)])).toEqual(
      [picks[0]!.id, picks[1]!.id].sort((x, y) => x - y).map((id) => [id, 12.5]),
    );
    // The certificate as PDF: the manager, and the member themself; not another secretary.
    const pdf = await t.request({
      method: 'GET',
      url: `${API}/${c.id}/enrolments/${enrolled[0]!.id}/certificate.pdf`,
      cookie: tongzhou,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await auditCount('training.certificate_printed')).toBeGreaterThan(0);
    if (hasPoppler || inCI) {
      const text = pdfPages(pdf.rawPayload).join('\n').replace(/\s+/g, '');
      for (const word of ['结业证书', picks[0]!.name, numbers[0]!, '12.5学时', '驻北京通州区流动党委'])
        expect(text).toContain(word);
    }
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/${c.id}/enrolments/${enrolled[0]!.id}/certificate.pdf`,
          cookie: haidian,
        })
      ).statusCode,
    ).toBe(404);
    const own = await memberLogin(picks[0]!.id);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/mine/certificates/${enrolled[0]!.id}.pdf`,
          cookie: own,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/mine/certificates/${enrolled[0]!.id}.pdf`,
          cookie: member,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/${c.id}/enrolments/${enrolled[2]!.id}/certificate.pdf`,
          cookie: tongzhou,
        })
      ).statusCode,
    ).toBe(404);
  });
});
