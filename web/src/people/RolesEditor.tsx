import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Role } from '@shared/schemas/auth';
import type { Person } from '@shared/schemas/users';
import { App, Button, Empty, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProgrammes, useUnit } from '../api/queries';
import { isLang } from '../i18n';
import { pickName } from '../i18n/format';
import { UnitSelect } from '../tasks/UnitSelect';
import { usePeopleWrite } from './api';

const UNIT_ROLES: Role[] = ['unit_leader', 'unit_officer'];

function UnitName({ id }: { id: number }) {
  const { i18n } = useTranslation();
  const unit = useUnit(id);
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  return <>{unit.data ? pickName(unit.data.name, lang) : `#${id}`}</>;
}

/**
 * The roles of one account, each with its programme and unit scope: remove one, add one. The
 * server says which roles the reader may grant (`grantable`) and refuses the rest anyway.
 */
export function RolesEditor(props: {
  person: Person;
  grantable: Role[];
  programmeId: number;
  isAdmin: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { message } = App.useApp();
  const programmes = useProgrammes();
  const write = usePeopleWrite();
  const [role, setRole] = useState<Role | undefined>();
  const [programme, setProgramme] = useState<number | null>(props.programmeId);
  const [unit, setUnit] = useState<number | undefined>();
  const programmeName = (id: number | null) =>
    id === null
      ? t('people.allProgrammes')
      : ((n) => (n ? pickName(n, lang) : `#${id}`))(programmes.data?.find((p) => p.id === id)?.name);
  const fail = (e: unknown) => void message.error((e as Error).message);

  const add = () => {
    if (!role) return;
    const body = {
      role,
      programmeId: role === 'admin' ? null : programme,
      unitId: role === 'admin' ? null : (unit ?? null),
    };
    write.mutate(
      { path: `/users/${props.person.id}/roles`, body },
      { onSuccess: () => (setRole(undefined), setUnit(undefined)), onError: fail },
    );
  };
  const needsUnit = role !== undefined && UNIT_ROLES.includes(role);

  return (
    <div data-testid="roles-editor">
      {props.person.roles.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noRoles')} />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {props.person.roles.map((r) => (
          <div key={r.id} className="people-role" data-testid={`role-${r.id}`}>
            <Tag color={r.role === 'admin' ? 'red' : UNIT_ROLES.includes(r.role) ? 'blue' : 'gold'}>
              {t(`people.roleNames.${r.role}`)}
            </Tag>
            <Typography.Text type="secondary">
              {programmeName(r.programmeId)}
              {r.unitId !== null && (
                <>
                  {' · '}
                  <UnitName id={r.unitId} />
                </>
              )}
            </Typography.Text>
            <Popconfirm
              title={t('people.removeConfirm')}
              onConfirm={() =>
                write.mutate(
                  { path: `/users/${props.person.id}/roles/${r.id}`, method: 'DELETE' },
                  { onError: fail },
                )
              }
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('people.remove')}
              />
            </Popconfirm>
          </div>
        ))}
      </Space>
      {props.grantable.length > 0 && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="add-role">
          <Select<Role>
            placeholder={t('people.role')}
            value={role}
            onChange={setRole}
            style={{ width: '100%' }}
            data-testid="add-role-role"
            options={props.grantable.map((r) => ({ value: r, label: t(`people.roleNames.${r}`) }))}
          />
          {role && role !== 'admin' && (
            <Select<number | null>
              value={programme}
              onChange={setProgramme}
              disabled={!props.isAdmin}
              style={{ width: '100%' }}
              options={[
                ...(props.isAdmin && !needsUnit
                  ? [{ value: null as number | null, label: t('people.allProgrammes') }]
                  : []),
                ...(programmes.data ?? []).map((p) => ({
                  value: p.id as number | null,
                  label: pickName(p.name, lang),
                })),
              ]}
            />
          )}
          {role && role !== 'admin' && <UnitSelect value={unit} onChange={setUnit} />}
          <Button
            icon={<PlusOutlined />}
            onClick={add}
            disabled={!role || (needsUnit && !unit)}
            loading={write.isPending}
            data-testid="add-role-submit"
          >
            {t('people.addRole')}
          </Button>
        </Space>
      )}
    </div>
  );
}
