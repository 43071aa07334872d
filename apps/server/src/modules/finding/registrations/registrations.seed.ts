import { CITIES, CONSENT_VERSION, idCheckChar, maskIdNumber, maskPhone } from '@ningxin/shared';
import type { SeedStep } from '../../../lib/modules';
import { secondLevelCommittees } from '../../../seed/demo-committee';
import { createRandom, syntheticName } from '../../../seed/random';
import type { OrgsService } from '../../orgs/orgs.service';
import { registrationsRepository } from './registrations.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

const HOME_ORGS = ['村党支部', '社区党支部', '镇机关党支部', '农村党员联合党支部'];
const EMPLOYERS = ['北京某建筑工程有限公司', '某物流园', '某家政服务公司', '某连锁餐饮门店', null];
const STREETS = ['某街道某社区', '某镇某村', '某小区'];
const RETURN_REASONS = [
  '原所在党组织信息不完整，请补充原党支部全称后重新登记',
  '经与原党组织核实，组织关系已转入北京，请与现所在党组织联系',
  '手机号无法接通，请核对后重新登记',
];

/**
 * The demo's registrations (党员找组织): a dozen waiting for review, spread over the districts
 * of the named second-level committees and submitted 0–20 days ago (so the queue shows its
 * waiting days), and three returned with their reasons. Synthetic people only: names from the
 * demo name tables, ID numbers valid by checksum with sequence numbers 900–998.
 */
export function registrationsSeed(orgs: OrgsService): SeedStep {
  return async ({ db, crypto, config }) => {
    const rng = createRandom(20_091_212);
    const now = Date.now();
    const counties = CITIES[config.homeCity]?.divisions ?? [];
    const districts = secondLevelCommittees().map((c) => c.hostDistrict);
    const waiting = 12;
    const returned = RETURN_REASONS.length;
    for (let i = 0; i < waiting + returned; i++) {
      const gender = rng.chance(0.7) ? 'male' : 'female';
      const county = rng.pick(counties).code;
      const year = rng.int(1968, 1998);
      const birthDate = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const sequence = 900 + 2 * rng.int(0, 49) + (gender === 'male' ? 1 : 0);
      const first17 = `${county}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      const idNumber = first17 + idCheckChar(first17);
      const phone = `176${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      // The first few go to 通州 so its secretary's queue is not empty.
      const district = i < 4 ? '110112' : rng.pick(districts);
      const reviewOrg = (await orgs.committeeForDistrict(db, district))!;
      const submittedAt = new Date(now - rng.int(0, 20) * DAY_MS - rng.int(0, 10 * 3600) * 1000);
      const isReturned = i >= waiting;
      await registrationsRepository.insert(db, {
        name: syntheticName(rng, gender),
        gender,
        birthDate,
        idCipher: crypto.encrypt('idNumber', idNumber),
        idHash: crypto.hash('idNumber', idNumber),
        idMasked: maskIdNumber(idNumber),
        phoneCipher: crypto.encrypt('phone', phone),
        phoneHash: crypto.hash('phone', phone),
        phoneMasked: maskPhone(phone),
        homeCounty: county,
        homeOrg: `${CITIES[config.homeCity]?.divisions.find((d) => d.code === county)?.name ?? ''}${rng.pick(HOME_ORGS)}`,
        joinedAt: rng.chance(0.8) ? `${year + rng.int(20, 25)}-07-01` : null,
        hostDistrict: district,
        hostAddress: `北京市${CITIES[config.hostCity]?.divisions.find((d) => d.code === district)?.name ?? ''}${rng.pick(STREETS)}`,
        employer: rng.pick(EMPLOYERS),
        reviewOrgId: reviewOrg.id,
        reviewOrgPath: reviewOrg.path,
        consentAt: submittedAt,
        consentVersion: CONSENT_VERSION,
        submittedAt,
        ...(isReturned
          ? {
              state: 'returned',
              reason: RETURN_REASONS[i - waiting]!,
              decidedAt: new Date(Math.min(now, submittedAt.getTime() + rng.int(1, 3) * DAY_MS)),
            }
          : {}),
      });
    }
  };
}
