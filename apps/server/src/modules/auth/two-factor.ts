/**
 * The second factor (两步验证): a TOTP secret (RFC 6238, 30-second codes of 6 digits, as the
 * common authenticator apps show them) and ten one-time recovery codes. The secret is kept
 * encrypted with the field key, the recovery codes as keyed hashes; a code is accepted one
 * step either side of now, and never twice (the step of the last accepted code is kept).
 */
import { randomBytes } from 'node:crypto';
import type {
  TwoFactorDisableBody,
  TwoFactorEnableBody,
  TwoFactorEnableResponse,
  TwoFactorSetupResponse,
} from '@ningxin/shared';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Db, Executor } from '../../db/client';
import type { FieldCrypto } from '../../lib/field-crypto';
import { qrSvg } from '../../lib/qr-image';
import type { Actor } from '../../policy/policy';
import { type Audit, audited } from '../audit/audit.service';
import { twoFactorAlreadyOn, twoFactorCodeWrong, twoFactorNotOn, twoFactorNotStarted } from './auth.errors';
import { twoFactorRepository as repo } from './two-factor.repository';

const ISSUER = '凝心';
const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code as typed, the way it is hashed: lower case, no dash or spaces. */
const normalizeRecovery = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

/** `abcd-efgh`: 8 characters without look-alikes (no i, l, o, 0, 1). */
function newRecoveryCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** The time step the code belongs to, if it is the secret's code for now or a step either side. */
export async function totpStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({ secret, token: code, epochTolerance: PERIOD_SECONDS });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

export interface TwoFactorDeps {
  db: Db;
  crypto: FieldCrypto;
}

export function createTwoFactor({ db, crypto }: TwoFactorDeps) {
  const seal = (secret: string) => crypto.encrypt('totpSecret', secret);
  const unseal = (token: string) => crypto.decrypt('totpSecret', token);
  const hashRecovery = (code: string) => crypto.hash('recoveryCode', normalizeRecovery(code));
  // Codes given out before a change of the crypto suite are kept under the other suite's hash.
  const recoveryHashes = (code: string) => crypto.hashes('recoveryCode', normalizeRecovery(code));

  /**
   * Whether the one-time code (a current TOTP code, or an unused recovery code, which is then
   * used up) proves the user's second factor. In the caller's transaction.
   */
  async function accepts(tx: Executor, userId: number, code: string, audit: Audit): Promise<boolean> {
    const row = await repo.find(tx, userId, true);
    if (!row?.secret || !row.enabledAt) return false;
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const step = await totpStep(unseal(row.secret), trimmed);
      return step !== null && (await repo.takeStep(tx, userId, step));
    }
    if (!(await repo.useRecoveryCode(tx, userId, recoveryHashes(trimmed)))) return false;
    audit({ action: 'auth.recovery_code_used', targetType: 'user', targetId: userId });
    return true;
  }

  return {
    accepts,
    enabled: (executor: Executor, userId: number) => repo.enabledFor(executor, userId),

    /** A new secret for the user's app, kept pending until a code proves it was added. */
    async setup(actor: Actor): Promise<TwoFactorSetupResponse> {
      if (await repo.enabledFor(db, actor.userId)) throw twoFactorAlreadyOn();
      const secret = generateSecret();
      await db.transaction((tx) => repo.setPending(tx, actor.userId, seal(secret)));
      const otpauthUrl = generateURI({ issuer: ISSUER, label: actor.username, secret });
      return { secret, otpauthUrl, qrSvg: await qrSvg(otpauthUrl, { margin: 2 }) };
    },

    /** Turns the second factor on with a code of the pending secret; answers the recovery codes (shown once). */
    async enable(actor: Actor, body: TwoFactorEnableBody): Promise<TwoFactorEnableResponse> {
      const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      await audited(db, actor, async (tx, audit) => {
        const row = await repo.find(tx, actor.userId, true);
        if (row?.enabledAt) throw twoFactorAlreadyOn();
        if (!row?.pendingSecret) throw twoFactorNotStarted();
        const step = await totpStep(unseal(row.pendingSecret), body.code);
        if (step === null) throw twoFactorCodeWrong('code');
        await repo.enable(tx, actor.userId, row.pendingSecret, step);
        await repo.replaceRecoveryCodes(tx, actor.userId, codes.map(hashRecovery));
        audit({
          action: 'auth.two_factor_enabled',
          targetType: 'user',
          targetId: actor.userId,
          targetLabel: actor.username,
        });
      });
      return { recoveryCodes: codes };
    },

    /** Turns it off: the password (checked by the caller) and a code of the factor itself. */
    async disable(actor: Actor, body: Pick<TwoFactorDisableBody, 'otp'>): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        if (!(await repo.enabledFor(tx, actor.userId))) throw twoFactorNotOn();
        if (!(await accepts(tx, actor.userId, body.otp, audit))) throw twoFactorCodeWrong('otp');
        await repo.clear(tx, actor.userId);
        audit({
          action: 'auth.two_factor_disabled',
          targetType: 'user',
          targetId: actor.userId,
          targetLabel: actor.username,
        });
      });
    },

    /** For the security administrator (users.credentials): forgets a user's second factor. */
    clear: (tx: Executor, userId: number) => repo.clear(tx, userId),
  };
}

export type TwoFactor = ReturnType<typeof createTwoFactor>;
