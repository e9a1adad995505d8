import { z } from 'zod';
import { AppError } from '../../lib/app-error.js';
import {
  rowErrors,
  sheetImport,
  text,
  type Cell,
  type Checked,
  type SheetSpec,
} from '../../lib/sheet-import.js';
import { ROLES, type Role } from '../../../shared/schemas/auth.js';
import { LOCALES, type Locale } from '../../../shared/schemas/common.js';
import type { Actor } from '../auth/actor.js';
import { canGrantRole, canManagePeople, canPlaceInUnit } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import { issueLink } from './account-links.js';
import { programmeTrees, type Programmes, type UsersDeps } from './people.js';
import { createUsersRepo } from './users.repo.js';

type Key = 'email' | 'name' | 'role' | 'unit' | 'programme' | 'locale';
export const PEOPLE_SHEET: SheetSpec<Key> = {
  sheet: 'People',
  keys: ['email', 'name', 'role', 'unit', 'programme', 'locale'],
  headers: {
    vi: ['Email', 'Họ và tên', 'Vai trò', 'Mã đơn vị', 'Mã chương trình', 'Ngôn ngữ'],
    en: ['E-mail', 'Name', 'Role', 'Unit code', 'Programme code', 'Language'],
    ar: ['البريد الإلكتروني', 'الاسم', 'الدور', 'رمز الوحدة', 'رمز البرنامج', 'اللغة'],
  },
  widths: [34, 30, 16, 16, 18, 10],
};

const GRANTABLE_ROLES = ROLES.filter((r) => r !== 'public');
export const ROLE_LABELS: Record<Exclude<Role, 'public'>, Record<Locale, string>> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator', ar: 'مسؤول النظام' },
  steering: { vi: 'Thành viên Ban Chỉ đạo', en: 'Steering member', ar: 'عضو اللجنة التوجيهية' },
  standing: { vi: 'Cơ quan thường trực', en: 'Standing agency', ar: 'الجهة الدائمة' },
  inspector: { vi: 'Kiểm tra, giám sát', en: 'Inspector', ar: 'مفتش' },
  unit_leader: { vi: 'Lãnh đạo đơn vị', en: 'Unit leader', ar: 'قائد الوحدة' },
  unit_officer: { vi: 'Cán bộ đơn vị', en: 'Unit officer', ar: 'موظف الوحدة' },
};
const UNIT_ROLES = new Set<Role>(['unit_leader', 'unit_officer']);

const email = z.string().trim().toLowerCase().email().max(200);
const name = z.string().trim().min(1).max(200);

type Ctx = { programmeId: number; programmes: Programmes };
type NewPerson = {
  email: string;
  displayName: string;
  locale: Locale;
  unitId: number | null;
  role: Role;
  roleUnitId: number | null;
  programmeId: number | null;
};

/**
 * People from an XLSX or CSV: one row a person (e-mail, name, role, unit code, programme code,
 * language). Every row is checked as the roles editor checks a grant; an e-mail already in use,
 * or twice in the file, is an error (an existing account's roles are changed on the screen, not
 * by a file). Each new person gets an invitation e-mail in their language, sent after the commit.
 */
export function createPeopleImport(deps: UsersDeps) {
  const { db, clock } = deps;
  const repo = createUsersRepo(db);
  const imp = sheetImport<Ctx, NewPerson>(
    { db, clock },
    {
      spec: PEOPLE_SHEET,
      fileName: 'people',
      auditAction: 'user.imported',
      async open(actor: Actor, programmeId: number) {
        const programmes = await programmeTrees(repo);
        if (!programmes.has(programmeId)) throw new AppError('programme_not_found');
        if (!canManagePeople(actor, programmeId)) throw new AppError('forbidden');
        return { programmeId, programmes };
      },

      async check(ctx, actor, raw) {
        const e = rowErrors(PEOPLE_SHEET, actor.locale);
        const cell = (values: Cell[], k: Key) => text(values[PEOPLE_SHEET.keys.indexOf(k)] ?? null);
        const emails = raw.map((r) => (cell(r.values, 'email') ?? '').trim().toLowerCase());
        const taken = new Set((await repo.byEmails(emails.filter(Boolean))).map((u) => u.email));
        const units = new Map(
          (
            await repo.unitsByCodes([
              ...new Set(raw.map((r) => cell(r.values, 'unit')).filter((x) => x !== null)),
            ])
          ).map((u) => [u.code.toLowerCase(), u]),
        );
        const byCode = new Map([...ctx.programmes.values()].map((p) => [p.code.toLowerCase(), p]));
        const firstRow = new Map<string, number>();
        return raw.map((r): Checked<NewPerson> => {
          const row: Checked<NewPerson> = { row: r.row, values: r.values, errors: [] };
          const v = (k: Key) => cell(r.values, k);
          const mail = email.safeParse(v('email') ?? '');
          if (!mail.success)
            row.errors.push(
              v('email') === null
                ? e.say('email', 'import_required')
                : e.say('email', 'import_email_invalid', { email: v('email') }),
            );
          else if (firstRow.has(mail.data))
            row.errors.push(
              e.say('email', 'import_duplicate_in_file', { code: mail.data, row: firstRow.get(mail.data) }),
            );
          else if (taken.has(mail.data))
            row.errors.push(e.say('email', 'import_email_exists', { email: mail.data }));
          if (mail.success && !firstRow.has(mail.data)) firstRow.set(mail.data, r.row);
          const displayName = name.safeParse(v('name') ?? '');
          if (!displayName.success) row.errors.push(e.say('name', 'import_required'));

          const roleText = (v('role') ?? '').trim().toLowerCase();
          const role = GRANTABLE_ROLES.find((x) => x === roleText);
          if (!role)
            row.errors.push(
              roleText
                ? e.say('role', 'import_role_unknown', { code: roleText, list: GRANTABLE_ROLES.join(', ') })
                : e.say('role', 'import_required'),
            );
          const unitCode = v('unit');
          const unit = unitCode ? units.get(unitCode.toLowerCase()) : undefined;
          if (unitCode && !unit) row.errors.push(e.say('unit', 'import_unit_unknown', { code: unitCode }));
          if (!unitCode && role && UNIT_ROLES.has(role)) row.errors.push(e.say('unit', 'import_required'));
          const programmeCode = v('programme');
          const programme = programmeCode
            ? byCode.get(programmeCode.toLowerCase())
            : role === 'admin'
              ? undefined
              : ctx.programmes.get(ctx.programmeId);
          if (programmeCode && !programme)
            row.errors.push(e.say('programme', 'import_programme_unknown', { code: programmeCode }));
          const localeText = (v('locale') ?? 'vi').trim().toLowerCase();
          const locale = LOCALES.find((l) => l === localeText);
          if (!locale) row.errors.push(e.say('locale', 'import_locale_unknown'));
          if (row.errors.length || !mail.success || !displayName.success || !role || !locale) return row;

          const programmeId = role === 'admin' ? null : programme!.id;
          const roleUnitId = role === 'admin' ? null : (unit?.id ?? null);
          const grant = { role, programmeId, unitPath: roleUnitId === null ? null : unit!.path };
          if (!canGrantRole(actor, grant, programme))
            row.errors.push(e.say('role', 'role_not_grantable', { role }));
          else if (unit && !canPlaceInUnit(actor, unit.path, programme))
            row.errors.push(e.say('unit', 'unit_out_of_scope'));
          if (row.errors.length) return row;
          row.ok = {
            email: mail.data,
            displayName: displayName.data,
            locale,
            unitId: unit?.id ?? null,
            role,
            roleUnitId,
            programmeId,
          };
          return row;
        });
      },

      async write(_ctx, actor, good, tx) {
        const r = createUsersRepo(tx);
        const created = await r.insertMany(
          good.map((p) => ({
            email: p.email,
            displayName: p.displayName,
            unitId: p.unitId,
            locale: p.locale,
            passwordHash: null,
          })),
        );
        const idOf = new Map(created.map((c) => [c.email, c.id]));
        await r.insertRoles(
          good.map((p) => ({
            userId: idOf.get(p.email)!,
            role: p.role,
            unitId: p.roleUnitId,
            programmeId: p.programmeId,
          })),
        );
        const audit = auditLog(tx, clock);
        for (const p of good) {
          const id = idOf.get(p.email)!;
          await issueLink(
            deps,
            tx,
            { id, email: p.email, displayName: p.displayName, locale: p.locale },
            'invite',
            actor,
          );
          await audit.record({
            actorId: actor.userId,
            action: 'user.create',
            entity: 'user',
            entityId: String(id),
            after: { ...p, invited: true, imported: true },
          });
        }
        return good.length;
      },

      async reference(ctx, actor, wb) {
        const ws = wb.addWorksheet('Lists', { views: [{ rightToLeft: actor.locale === 'ar' }] });
        ws.addRow([PEOPLE_SHEET.headers[actor.locale][2], '', PEOPLE_SHEET.headers[actor.locale][4]]).font = {
          bold: true,
        };
        const roles = GRANTABLE_ROLES.filter((role) =>
          UNIT_ROLES.has(role) ? true : actor.roles.some((r) => r.role === 'admin'),
        );
        const progs = [...ctx.programmes.values()].filter((p) => canManagePeople(actor, p.id));
        for (let i = 0; i < Math.max(roles.length, progs.length); i++) {
          const role = roles[i];
          ws.addRow([role ?? null, role ? ROLE_LABELS[role][actor.locale] : null, progs[i]?.code ?? null]);
        }
        [16, 28, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
      },
    },
  );
  return {
    ...imp,
    /** Commits, then sends the invitations that the commit put in the outbox. */
    async commit(actor: Actor, programmeId: number, buffer: Buffer, mode: 'all' | 'valid') {
      const out = await imp.commit(actor, programmeId, buffer, mode);
      if (out.written) void deps.flushMail?.().catch(() => undefined);
      return out;
    },
  };
}
