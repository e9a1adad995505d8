import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { hashPassword } from '../../lib/password.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { AccountLink } from '../../../shared/schemas/users.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { accountMail, LINK_HOURS, linkPath } from './account-mail.js';
import { assertPasswordAcceptable } from './password-rule.js';
import { assertManageable, loadAccount, programmeTrees, type UsersDeps } from './people.js';
import { createUsersRepo, usersTransaction, type TokenPurpose, type UserRow } from './users.repo.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Reset links a person may be sent per hour; more asks get the same answer and no e-mail. */
export const RESETS_PER_HOUR = 3;

/**
 * Makes a one-time link for the user and puts its e-mail in the outbox, inside the caller's
 * transaction. Earlier unused links of the same purpose stop working. Only the token's hash is kept.
 */
export async function issueLink(
  deps: UsersDeps,
  tx: Db,
  user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>,
  purpose: TokenPurpose,
  by: Actor | null,
) {
  const repo = createUsersRepo(tx);
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  await repo.voidTokens(user.id, now, purpose);
  await repo.insertToken({
    userId: user.id,
    purpose,
    tokenHash: sha256(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_HOURS[purpose] * 3_600_000),
    createdBy: by?.userId ?? null,
  });
  const mail = accountMail(purpose, user.locale as Locale, {
    name: user.displayName,
    email: user.email,
    link: deps.publicUrl.replace(/\/$/, '') + linkPath(purpose, token),
    inviter: by && by.userId !== null ? by.displayName : 'Steerboard',
  });
  await repo.queueMail({ to: user.email, ...mail }, now);
}

const sendSoon = (deps: UsersDeps) => {
  // Not awaited by the answer: the outbox keeps the mail if the SMTP server is slow or down.
  void deps.flushMail?.().catch(() => undefined);
};

export function accountLinks(deps: UsersDeps) {
  const { db, clock } = deps;
  const repo = createUsersRepo(db);
  return {
    /** Sends a new invitation to an account that has not set its password yet. */
    async resendInvitation(actor: Actor, id: number) {
      const account = await loadAccount(repo, id);
      assertManageable(actor, account, await programmeTrees(repo));
      if (!account.user.active) throw new AppError('forbidden');
      if (account.user.passwordHash !== null) throw new AppError('invitation_not_needed');
      await usersTransaction(db, async (_r, tx) => {
        await issueLink(deps, tx, account.user, 'invite', actor);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'user.invite',
          entity: 'user',
          entityId: String(id),
        });
      });
      sendSoon(deps);
    },

    /**
     * "Forgot password?": the same answer whether or not the e-mail is known, active or asked
     * too often; a reset link is sent only to an active account under the hourly limit.
     */
    async requestReset(email: string) {
      const user = await repo.byEmail(email);
      if (!user || !user.active) return;
      const now = clock.now();
      if ((await repo.tokensSince(user.id, 'reset', new Date(now.getTime() - 3_600_000))) >= RESETS_PER_HOUR)
        return;
      await usersTransaction(db, async (_r, tx) => {
        await issueLink(deps, tx, user, 'reset', null);
        await auditLog(tx, clock).record({
          actorId: null,
          action: 'user.password_reset_requested',
          entity: 'user',
          entityId: String(user.id),
        });
      });
      sendSoon(deps);
    },

    /** What a link is for and whose it is, while it is usable (410 link_invalid otherwise). */
    async readLink(purpose: TokenPurpose, token: string): Promise<AccountLink> {
      const found = await repo.liveToken(sha256(token), clock.now());
      if (!found || found.token.purpose !== purpose) throw new AppError('link_invalid');
      return {
        purpose,
        email: found.user.email,
        displayName: found.user.displayName,
        locale: found.user.locale as Locale,
        expiresAt: found.token.expiresAt.toISOString(),
      };
    },

    /**
     * Sets the password through a link, once: the link is used up, every other link of the account
     * voided, its sessions ended and its sign-in lock lifted, in one transaction.
     */
    async setPassword(purpose: TokenPurpose, token: string, password: string, locale: Locale) {
      const link = await this.readLink(purpose, token);
      assertPasswordAcceptable(password, link.email, locale);
      const passwordHash = await hashPassword(password);
      return usersTransaction(db, async (r, tx) => {
        const now = clock.now();
        const used = await r.consumeToken(sha256(token), now);
        if (!used || used.purpose !== purpose) throw new AppError('link_invalid');
        await r.update(used.userId, { passwordHash, failedLogins: 0, lockedUntil: null });
        await r.voidTokens(used.userId, now);
        await r.endSessions(used.userId);
        await auditLog(tx, clock).record({
          actorId: used.userId,
          action: purpose === 'invite' ? 'user.invitation_accepted' : 'user.password_reset',
          entity: 'user',
          entityId: String(used.userId),
        });
        return { email: link.email };
      });
    },
  };
}
