/** The record's shared checks: visibility, a usable org, codes, cross-field rules, duplicate answers. */
import {
  codeName,
  EDUCATION_LEVELS,
  ETHNICITIES,
  isDivisionOf,
  type MemberCreateBody,
  type MemberFields,
  type MemberUpdateBody,
  memberIssues,
  parseIdNumber,
} from '@ningxin/shared';
import type { Executor } from '../../../db/client';
import { isUniqueViolation } from '../../../lib/db-errors';
import { notFound, validationFailed } from '../../../lib/errors';
import { type Actor, assertCan, assertHolds, can, coversOrgPath } from '../../../policy/policy';
import {
  duplicateInScope,
  orgNotUsable,
  registeredElsewhere,
  unknownCode,
  unknownHomeCounty,
  unknownHostDistrict,
} from '../members.errors';
import { type MemberRow, membersRepository } from './members.repository';
import { memberTarget } from './members.scope';
import type { MembersDeps } from './members.service';

/** The fields the cross-field rules read: an edit of any other field leaves them as they were. */
const CROSS_CHECKED = ['idNumber', 'gender', 'birthDate', 'joinedAt', 'fullMemberAt', 'memberType'] as const;

/** The checks both the routes' operations and other modules' writes run. */
export function memberChecks({
  db,
  config,
  crypto,
  orgs,
}: Pick<MembersDeps, 'db' | 'config' | 'crypto' | 'orgs'>) {
  const hashes = {
    phone: (v: string) => crypto.hash('phone', v),
    idNumber: (v: string) => crypto.hash('idNumber', v),
  };

  /** The member if the actor may take the action on it (404 otherwise); `lock` for a write. */
  async function visibleMember(
    executor: Executor,
    actor: Actor,
    id: number,
    action: 'member.read' | 'member.write',
    lock = false,
  ) {
    const row = await membersRepository.findById(executor, id, lock);
    if (!row) {
      assertHolds(actor, action);
      throw notFound('党员');
    }
    assertCan(actor, action, memberTarget(row), '党员');
    return row;
  }

  /** The org a member is placed in: it must exist, be open, and lie in the actor's write scope. */
  async function usableOrg(executor: Executor, actor: Actor, orgId: number) {
    const org = await orgs.lookup(executor, orgId);
    if (!org || org.closedAt) throw orgNotUsable();
    if (!coversOrgPath(actor, 'member.write', org.path)) throw orgNotUsable();
    return org;
  }

  function checkCodes(b: Partial<MemberCreateBody>) {
    if (b.homeCounty !== undefined && !isDivisionOf(config.homeCity, b.homeCounty)) throw unknownHomeCounty();
    if (b.hostDistrict && !isDivisionOf(config.hostCity, b.hostDistrict)) throw unknownHostDistrict();
    if (b.ethnicity && !codeName(ETHNICITIES, b.ethnicity)) throw unknownCode('ethnicity', '民族');
    if (b.education && !codeName(EDUCATION_LEVELS, b.education)) throw unknownCode('education', '学历');
  }

  /**
   * The rules that span fields, over the stored record with the changes applied: a new birth
   * date must agree with the stored ID number, a new joining date with the stored birth date,
   * a full-member date with the stored joining date. A new ID number brings its own birth date
   * and gender unless the change names them too.
   */
  function checkAgainstStored(before: MemberRow, patch: MemberUpdateBody) {
    const { version: _v, phone: _p, ...changes } = patch;
    if (!CROSS_CHECKED.some((f) => changes[f] !== undefined)) return;
    const id = changes.idNumber === undefined ? null : parseIdNumber(changes.idNumber);
    const fromId = id?.ok ? { birthDate: id.value.birthDate, gender: id.value.gender } : {};
    const stored: Partial<MemberFields> = {
      idNumber: crypto.decrypt('idNumber', before.idCipher),
      gender: before.gender as MemberFields['gender'],
      birthDate: before.birthDate,
      joinedAt: before.joinedAt,
      fullMemberAt: before.fullMemberAt,
      memberType: before.memberType as MemberFields['memberType'],
    };
    const merged = { ...stored, ...fromId, ...changes };
    const issues = memberIssues(merged);
    if (issues.length) throw validationFailed(issues.map((i) => ({ path: i.field, message: i.message })));
  }

  /** A duplicate ID number: inside the scope the error names the record; outside it says nothing more. */
  async function duplicateError(executor: Executor, actor: Actor, idHash: string) {
    const existing = await membersRepository.findByIdHash(executor, idHash);
    if (existing && can(actor, 'member.read', memberTarget(existing))) return duplicateInScope(existing);
    return registeredElsewhere();
  }

  /**
   * Another transaction committed the same ID number between our check and our write: the
   * unique index refused it. Answered as the duplicate it is; any other error passes through.
   */
  async function concurrentDuplicate(err: unknown, actor: Actor, idNumber: string): Promise<unknown> {
    if (!isUniqueViolation(err, 'members_id_hash_idx')) return err;
    const id = parseIdNumber(idNumber);
    return duplicateError(db, actor, hashes.idNumber(id.ok ? id.value.idNumber : idNumber));
  }

  return {
    hashes,
    visibleMember,
    usableOrg,
    checkCodes,
    checkAgainstStored,
    duplicateError,
    concurrentDuplicate,
  };
}

export type MemberChecks = ReturnType<typeof memberChecks>;
