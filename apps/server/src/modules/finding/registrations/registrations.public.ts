import {
  CITIES,
  isDivisionOf,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  parsePhone,
  type RegistrationStatusBody,
  type RegistrationStatusResponse,
  type RegistrationSubmitBody,
  type RegistrationSubmitResponse,
  ROLE_ACTIONS,
  type Role,
} from '@ningxin/shared';
import type { Config } from '../../../config';
import type { Db, Executor } from '../../../db/client';
import { type Challenges, challengeRefused } from '../../../lib/challenge';
import { isUniqueViolation } from '../../../lib/db-errors';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { isWithinPath } from '../../../policy/policy';
import type { MembersService } from '../../members/record/members.service';
import type { InboxService } from '../../notices/inbox.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import {
  alreadyQueued,
  noReviewer,
  registrationNotFound,
  unknownHomeCounty,
  unknownHostDistrict,
} from './registrations.errors';
import { stateLabel } from './registrations.mapper';
import { registrationsRepository } from './registrations.repository';

export interface RegistrationIntakeDeps {
  db: Db;
  config: Config;
  crypto: FieldCrypto;
  challenges: Challenges;
  orgs: OrgsService;
  members: MembersService;
  users: UsersService;
  inbox: InboxService;
}

/** The roles that review registrations. */
const REVIEWER_ROLES = (Object.keys(ROLE_ACTIONS) as Role[]).filter((r) =>
  ROLE_ACTIONS[r].includes('registration.review'),
);

export const SUBMITTED_MESSAGE =
  '登记已提交。党组织审核后会与您联系；您也可以凭身份证号和手机号随时查询审核进度。';

/**
 * The public side of 党员找组织: a stranger submits a registration, or checks one by its ID
 * number and phone. Neither reads anything else: the submission's answer is the same whoever the
 * person is (an ID number already on the rolls is taken like any other and the reviewer, who sees
 * that the record exists, marks it a duplicate or returns it), and the status check answers only
 * for the exact pair of ID number and phone a registration was made with.
 */
export function createRegistrationIntake({
  db,
  config,
  crypto,
  challenges,
  orgs,
  members,
  users,
  inbox,
}: RegistrationIntakeDeps) {
  function checkChallenge(body: { challengeToken: string; challengeAnswer: string }) {
    const check = challenges.check(body.challengeToken, body.challengeAnswer);
    if (!check.ok) throw challengeRefused(check.reason);
  }

  /** The enabled staff accounts that may review registrations of the org at `path`. */
  async function reviewersOf(executor: Executor, path: string): Promise<number[]> {
    const holders = (await Promise.all(REVIEWER_ROLES.map((r) => users.roleHolders(executor, r)))).flat();
    return [
      ...new Set(
        holders
          .filter(
            (h) =>
              h.scopeKind === 'all' || (h.scopeKind === 'org' && h.orgPath && isWithinPath(path, h.orgPath)),
          )
          .map((h) => h.userId),
      ),
    ];
  }

  return {
    issueChallenge: () => challenges.issue(),

    async submit(body: RegistrationSubmitBody): Promise<RegistrationSubmitResponse> {
      checkChallenge(body);
      if (!isDivisionOf(config.homeCity, body.homeCounty))
        throw unknownHomeCounty(CITIES[config.homeCity]?.name ?? '流出地');
      if (!isDivisionOf(config.hostCity, body.hostDistrict))
        throw unknownHostDistrict(CITIES[config.hostCity]?.name ?? '流入地');
      const id = parseIdNumber(body.idNumber);
      const phone = parsePhone(body.phone);
      if (!id.ok || !phone.ok) throw new Error('the contract validates the ID number and phone');
      const reviewOrg = await orgs.committeeForDistrict(db, body.hostDistrict);
      if (!reviewOrg) throw noReviewer();
      const idHash = crypto.hash('idNumber', id.value.idNumber);
      try {
        await db.transaction(async (tx) => {
          const row = await registrationsRepository.insert(tx, {
            name: body.name,
            gender: id.value.gender,
            birthDate: id.value.birthDate,
            idCipher: crypto.encrypt('idNumber', id.value.idNumber),
            idHash,
            idMasked: maskIdNumber(id.value.idNumber),
            phoneCipher: crypto.encrypt('phone', phone.phone),
            phoneHash: crypto.hash('phone', phone.phone),
            phoneMasked: maskPhone(phone.phone),
            homeCounty: body.homeCounty,
            homeOrg: body.homeOrg,
            joinedAt: body.joinedAt ?? null,
            hostDistrict: body.hostDistrict,
            hostAddress: body.hostAddress,
            employer: body.employer ?? null,
            reviewOrgId: reviewOrg.id,
            reviewOrgPath: reviewOrg.path,
            consentAt: new Date(),
            consentVersion: body.consentVersion,
          });
          const reviewers = await reviewersOf(tx, reviewOrg.path);
          if (reviewers.length === 0) return;
          await inbox.post(tx, {
            userIds: reviewers,
            kind: 'registration',
            title: `新的党员报到登记待审核：${row.name}（${reviewOrg.name}）`,
            link: `/registrations/${row.id}`,
            dedupeKey: `registration:${row.id}`,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err, 'registrations_queued_id_idx')) throw alreadyQueued();
        throw err;
      }
      return { state: 'submitted', message: SUBMITTED_MESSAGE };
    },

    async status(body: RegistrationStatusBody): Promise<RegistrationStatusResponse> {
      checkChallenge(body);
      const id = parseIdNumber(body.idNumber);
      const phone = parsePhone(body.phone);
      if (!id.ok || !phone.ok) throw registrationNotFound();
      const row = await registrationsRepository.latestByIdHash(
        db,
        crypto.hash('idNumber', id.value.idNumber),
      );
      if (!row || row.phoneHash !== crypto.hash('phone', phone.phone)) throw registrationNotFound();
      let committeeName: string | null = null;
      let branchName: string | null = null;
      if (row.state === 'accepted' && row.memberId) {
        const [placed] = await members.placements(db, [row.memberId]);
        if (placed) {
          const names = await orgs.namesAlong(db, placed.orgPath);
          branchName = placed.orgName;
          committeeName = names[1] ?? names[0] ?? null;
        }
      }
      return {
        state: row.state as RegistrationStatusResponse['state'],
        stateLabel: stateLabel(row.state),
        submittedAt: row.submittedAt.toISOString(),
        decidedAt: row.decidedAt?.toISOString() ?? null,
        reason: row.state === 'returned' ? row.reason : null,
        committeeName,
        branchName,
        contact: row.reviewOrgName,
      };
    },
  };
}

export type RegistrationIntake = ReturnType<typeof createRegistrationIntake>;
