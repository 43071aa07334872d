import {
  ageOn,
  divisionName,
  REGISTRATION_STATE_LABELS,
  type RegistrationListItem,
  type RegistrationResponse,
  type RegistrationState,
} from '@ningxin/shared';
import type { RegistrationListRow, RegistrationRow } from './registrations.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days a registration has waited: until its decision, or until now. */
export const daysWaiting = (row: Pick<RegistrationRow, 'submittedAt' | 'decidedAt'>, now: Date) =>
  Math.max(0, Math.floor(((row.decidedAt ?? now).getTime() - row.submittedAt.getTime()) / DAY_MS));

export function mapListItem(row: RegistrationListRow, now: Date): RegistrationListItem {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender === 'male' || row.gender === 'female' ? row.gender : null,
    age: row.birthDate ? ageOn(row.birthDate, now) : null,
    idNumberMasked: row.idMasked,
    phoneMasked: row.phoneMasked,
    homeCounty: row.homeCounty,
    homeCountyName: divisionName(row.homeCounty) ?? null,
    homeOrg: row.homeOrg,
    hostDistrict: row.hostDistrict,
    hostDistrictName: divisionName(row.hostDistrict) ?? null,
    employer: row.employer,
    reviewOrgId: row.reviewOrgId,
    reviewOrgName: row.reviewOrgName,
    state: row.state as RegistrationState,
    submittedAt: row.submittedAt.toISOString(),
    daysWaiting: daysWaiting(row, now),
    version: row.version,
  };
}

export function mapRegistration(
  row: RegistrationListRow & { decidedByName: string | null },
  extra: Pick<RegistrationResponse, 'member' | 'existingMember' | 'policies'>,
  now: Date,
): RegistrationResponse {
  return {
    ...mapListItem(row, now),
    birthDate: row.birthDate,
    joinedAt: row.joinedAt,
    hostAddress: row.hostAddress,
    consentAt: row.consentAt.toISOString(),
    consentVersion: row.consentVersion,
    reason: row.reason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedByName: row.decidedByName,
    ...extra,
  };
}

export const stateLabel = (state: string) => REGISTRATION_STATE_LABELS[state as RegistrationState] ?? state;

/** What the audit log keeps of a registration: never the ID number or phone, only their masks. */
export const auditView = (row: RegistrationRow) => ({
  state: row.state,
  name: row.name,
  idNumber: row.idMasked,
  reviewOrgId: row.reviewOrgId,
  memberId: row.memberId,
  reason: row.reason,
});
