import { CONSENT_VERSION, type RegistrationSubmitInput } from '@ningxin/shared';
import type { InjectOptions } from 'fastify';
import type { TestApp } from '../../../../test/app';
import { syntheticIdNumber, syntheticPhone } from '../../../../test/member-factory';

let address = 0;
/** A fresh client address, so that one test's requests do not spend another's rate budget. */
export const freshAddress = () => {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

/** A solved challenge, issued by the service itself (the test knows the answer). */
export function solved(t: TestApp) {
  const issued = t.services.registrations.intake.issueChallenge();
  return { challengeToken: issued.token, challengeAnswer: issued.answer };
}

/** A valid public registration body for a person living in `hostDistrict` (通州 by default). */
export function registrationBody(
  t: TestApp,
  overrides: Partial<RegistrationSubmitInput> = {},
): RegistrationSubmitInput & { idNumber: string; phone: string } {
  return {
    name: '报到测试',
    idNumber: syntheticIdNumber('130723', '19880315'),
    phone: syntheticPhone(),
    homeCounty: '130723',
    homeOrg: '康保县某村党支部',
    joinedAt: '2012-07-01',
    hostDistrict: '110112',
    hostAddress: '北京市通州区某街道某小区',
    employer: '某物流公司',
    consent: true,
    consentVersion: CONSENT_VERSION,
    ...solved(t),
    ...overrides,
  } as RegistrationSubmitInput & { idNumber: string; phone: string };
}

/** A POST to a public route from the given address (a fresh one unless told). */
export function publicPost(t: TestApp, url: string, payload: unknown, remoteAddress = freshAddress()) {
  const opts: InjectOptions = { method: 'POST', url, remoteAddress };
  if (typeof payload === 'string') {
    opts.payload = payload;
    opts.headers = { 'content-type': 'application/json' };
  } else opts.payload = payload as object;
  return t.request(opts);
}

/** Submits a registration and returns its body; fails the test on anything but 201. */
export async function submitted(t: TestApp, overrides: Partial<RegistrationSubmitInput> = {}) {
  const body = registrationBody(t, overrides);
  const res = await publicPost(t, '/api/v1/public/registrations', body);
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return body;
}
