import type { Command } from 'commander';
import { createUserBody } from '../../shared/schemas/auth.js';
import { systemActor } from '../modules/auth/actor.js';
import { createUsersService } from '../modules/users/users.service.js';
import { withDatabase } from './context.js';

export function registerUser(program: Command) {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('create')
    .description('Create a user with one role')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'admin | steering | standing | unit_leader | unit_officer | inspector')
    .option('--password <password>', 'at least 10 characters (or set STEERBOARD_PASSWORD)')
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
        withDatabase(async ({ database, clock }) => {
          const input = createUserBody.parse({
            email: o.email,
            displayName: o.name,
            password: o.password ?? process.env.STEERBOARD_PASSWORD ?? '',
            unitId: o.unit ?? null,
            locale: o.locale,
            roles: [{ role: o.role, unitId: o.unit ?? null, programmeId: o.programme ?? null }],
          });
          const created = await createUsersService({ db: database.db, clock }).create(systemActor, input);
          console.error(`User ${created.email} created (id ${created.id}).`);
        }),
    );
}
