import type { Command } from 'commander';
import { createUserBody } from '../../shared/schemas/auth.js';
import { AppError } from '../lib/app-error.js';
import { message } from '../lib/messages.js';
import { systemActor } from '../modules/auth/actor.js';
import { createUsersService } from '../modules/users/users.service.js';
import { withDatabase } from './context.js';

export function registerUser(program: Command) {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('create')
    .description('Create a user with one role (with a password, or invited by e-mail to set one)')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'admin | steering | standing | unit_leader | unit_officer | inspector')
    .option(
      '--password <password>',
      'meets the password policy: 10+ characters, 3 of lower/upper/digit/sign, or a 16+ character passphrase (or set STEERBOARD_PASSWORD); without one, an invitation e-mail is queued',
    )
    .option('--unit <id>', 'unit id: the user belongs to it and the role is scoped to its subtree', (v) =>
      Number(v),
    )
    .option('--programme <id>', 'scope the role to one programme', (v) => Number(v))
    .option('--locale <locale>', 'vi | en | ar', 'vi')
    .action(
      (o: {
        email: string;
        name: string;
        role: string;
        password?: string;
        unit?: number;
        programme?: number;
        locale: string;
      }) =>
        withDatabase(async ({ database, clock, config }) => {
          const input = createUserBody.parse({
            email: o.email,
            displayName: o.name,
            password: o.password ?? process.env.STEERBOARD_PASSWORD ?? undefined,
            unitId: o.unit ?? null,
            locale: o.locale,
            roles: [{ role: o.role, unitId: o.unit ?? null, programmeId: o.programme ?? null }],
          });
          const service = createUsersService({ db: database.db, clock, publicUrl: config.publicUrl });
          try {
            const created = await service.create(systemActor, input);
            console.error(
              `User ${created.email} created (id ${created.id})${
                created.status === 'invited'
                  ? '; the invitation waits in the outbox (sent by `jobs run` or the server)'
                  : ''
              }.`,
            );
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            console.error(message(e.code, 'en', e.params));
            process.exitCode = 1;
          }
        }),
    );
}
