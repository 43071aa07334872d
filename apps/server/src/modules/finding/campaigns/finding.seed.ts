/**
 * The finding campaigns of the demo committee (deterministic, synthetic people only):
 * - the founding drive of 2009 (组织找党员): one found lead for each demo member whose source is
 *   组织寻找 and whose record was created during the drive, found on days that follow an S-curve
 *   over 35 days (the members in order of their record's day), credited to the four committee-wide
 *   demo finders by district. The curve has as many leads as such members exist (with 12,000 demo
 *   members about 2,700: the member generator puts about 22% of members into the drive), and the
 *   target is that number rounded up to a hundred, so the curve meets it at the end.
 * - one campaign of 通州 running now (started 20 days ago, 60 days long) with open leads in every
 *   state assigned to the demo finders, a few unassigned, a few found.
 */
import { localIsoDate, SYSTEM_ACTOR } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { createRandom, syntheticName } from '../../../seed/random';
import { type AuditContext, audited } from '../../audit/audit.service';
import type { MembersService } from '../../members/record/members.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import { campaignsRepository } from './campaigns.repository';
import { type LeadInsert, leadsRepository } from './leads.repository';
import { personalColumns } from './leads.service';

export const FOUNDING = { from: '2009-06-10', days: 35, to: '2009-07-14' } as const;

const SYSTEM: AuditContext = { actorId: null, actorName: SYSTEM_ACTOR, ip: null };

export interface FindingSeedDeps {
  db: Db;
  crypto: FieldCrypto;
  orgs: Pick<OrgsService, 'lookupMany'>;
  users: Pick<UsersService, 'accountByUsername'>;
  members: Pick<MembersService, 'createdBetween'>;
}

/** The day (0-based, of `days`) the quantile q of a logistic S-curve falls on. */
export function sCurveDay(q: number, days: number, steepness = 0.3): number {
  const mid = days / 2;
  const f = (t: number) => 1 / (1 + Math.exp(-steepness * (t - mid)));
  const lo = f(0);
  const hi = f(days);
  const target = lo + q * (hi - lo);
  const t = mid - Math.log(1 / target - 1) / steepness;
  return Math.min(days - 1, Math.max(0, Math.floor(t)));
}

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function createFindingSeed({ db, crypto, orgs, users, members }: FindingSeedDeps) {
  async function finderIds(names: string[]): Promise<number[]> {
    const rows = await Promise.all(names.map((n) => users.accountByUsername(db, n)));
    return rows.flatMap((r) => (r ? [r.id] : []));
  }

  return async function seed(): Promise<{ founding: number; running: number } | null> {
    const existing = await campaignsRepository.list(db, undefined, undefined, 1);
    if (existing.length) return null;
    const drive = await members.createdBetween(db, 'found', FOUNDING.from, addDays(FOUNDING.from, 40));
    if (drive.length === 0) return null;
    const committeeWide = await finderIds(['finder1', 'finder2', 'finder3', 'finder4']);
    const tongzhouFinders = await finderIds(['finder5', 'finder6']);
    const rootId = Number(drive[0]!.orgPath.split('.')[0]);
    const seconds = [...new Set(drive.map((m) => Number(m.orgPath.split('.')[1])).filter(Boolean))];
    const orgRows = await orgs.lookupMany(db, [rootId, ...seconds]);
    const root = orgRows.find((o) => o.id === rootId)!;
    const tongzhou = orgRows.find((o) => o.name === '驻北京通州区流动党委') ?? root;

    return audited(db, SYSTEM, async (tx, audit) => {
      // The founding drive of 2009.
      const target = Math.ceil(drive.length / 100) * 100;
      const founding = await campaignsRepository.insert(tx, {
        name: '2009年组织找党员集中行动',
        orgId: root.id,
        orgPath: root.path,
        startsOn: FOUNDING.from,
        endsOn: FOUNDING.to,
        targetCount: target,
        districts: [...new Set(drive.flatMap((m) => (m.hostDistrict ? [m.hostDistrict] : [])))].sort(),
        areaNote: '工作组乘公交、地铁走遍北京各区的工地、市场、物流园和家政公司',
        notes: '流动党委成立之初的集中寻找行动，建立信息库',
      });
      await campaignsRepository.setFinders(tx, founding.id, committeeWide);
      const finderOf = (district: string | null) =>
        committeeWide.length ? (committeeWide[Number(district ?? 0) % committeeWide.length] ?? null) : null;
      const foundingLeads: LeadInsert[] = drive.map((m, i) => {
        const day = addDays(FOUNDING.from, sCurveDay((i + 0.5) / drive.length, FOUNDING.days));
        return {
          campaignId: founding.id,
          name: m.name,
          phoneCipher: m.phoneCipher,
          phoneHash: m.phoneHash,
          phoneMasked: m.phoneMasked,
          idCipher: m.idCipher,
          idHash: m.idHash,
          idMasked: m.idMasked,
          homeCounty: m.homeCounty,
          hostDistrict: m.hostDistrict,
          workplace: m.employer,
          address: m.hostAddress,
          source: i % 3 === 0 ? 'hometown_list' : i % 3 === 1 ? 'member_tip' : 'employer',
          finderId: finderOf(m.hostDistrict),
          state: 'found',
          memberId: m.id,
          foundOn: day,
          lastVisitOn: day,
        };
      });
      await leadsRepository.insertMany(tx, foundingLeads);
      audit({
        action: 'finding.campaign_created',
        targetType: 'finding_campaign',
        targetId: founding.id,
        targetLabel: founding.name,
        after: { leads: foundingLeads.length, targetCount: target },
      });

      // A campaign of 通州 running now.
      const today = localIsoDate(new Date());
      const startsOn = addDays(today, -20);
      const running = await campaignsRepository.insert(tx, {
        name: '通州区流动党员排查寻找行动',
        orgId: tongzhou.id,
        orgPath: tongzhou.path,
        startsOn,
        endsOn: addDays(startsOn, 60),
        targetCount: 60,
        districts: ['110112'],
        areaNote: '梨园镇、宋庄镇、台湖镇的工地与物流园；永顺镇的家政公司',
      });
      const finders = [...committeeWide.slice(0, 2), ...tongzhouFinders];
      await campaignsRepository.setFinders(tx, running.id, finders);
      const rng = createRandom(20_260_612);
      const places = ['梨园镇', '宋庄镇', '台湖镇', '永顺镇', '马驹桥镇', '张家湾镇'];
      const trades = ['建筑工地', '物流园', '家政公司', '农贸市场', '快递站', '装修队'];
      const states = [
        'new',
        'new',
        'new',
        'contacted',
        'contacted',
        'visited',
        'visited',
        'not_member',
        'not_found',
      ];
      let count = 0;
      for (let i = 0; i < 36; i++) {
        const state = states[i % states.length]!;
        const finderId = i % 9 === 2 ? null : (finders[i % finders.length] ?? null);
        const place = rng.pick(places);
        const phone = `1${rng.pick(['38', '39', '58', '86', '87'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
        const lastVisitOn = state === 'new' ? null : addDays(startsOn, rng.int(1, 19));
        const lead = await leadsRepository.insert(tx, {
          campaignId: running.id,
          name: syntheticName(rng),
          ...personalColumns(crypto, { phone }),
          homeCounty: rng.pick(['130723', '130722', '130726', '130730', '130731', '130708']),
          hostDistrict: '110112',
          workplace: `${place}${rng.pick(trades)}`,
          address: `通州区${place}`,
          clue: rng.chance(0.5) ? '老乡提供：在工地做木工，逢年过节回康保' : null,
          source: rng.pick(['member_tip', 'employer', 'hometown_list', 'street_office']),
          finderId: state === 'new' ? finderId : (finderId ?? finders[0] ?? null),
          state,
          lastVisitOn,
        });
        if (lastVisitOn && lead.finderId)
          await leadsRepository.insertVisit(tx, {
            leadId: lead.id,
            visitedOn: lastVisitOn,
            method: state === 'contacted' ? 'phone' : 'visit',
            note: state === 'contacted' ? '电话联系上，约好周末见面' : '到工地见到本人，核对身份',
            stateAfter: state,
            finderId: lead.finderId,
          });
        count++;
      }
      audit({
        action: 'finding.campaign_created',
        targetType: 'finding_campaign',
        targetId: running.id,
        targetLabel: running.name,
        after: { leads: count, targetCount: 60 },
      });
      return { founding: foundingLeads.length, running: count };
    });
  };
}

export type FindingSeed = ReturnType<typeof createFindingSeed>;
