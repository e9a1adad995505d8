import { MailOutlined, UploadOutlined } from '@ant-design/icons';
import type { Person } from '@shared/schemas/users';
import { ACCOUNT_STATUSES } from '@shared/schemas/users';
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/queries';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote } from '../ui/states';
import { SheetImport } from '../ui/SheetImport';
import { usePeople, usePeopleWrite } from './api';
import { PersonDrawer } from './PersonDrawer';
import { PersonForm, type PersonFields } from './PersonForm';
import { StatusTag } from './StatusTag';
import './people.css';

const VIRTUAL_FROM = 60;

/**
 * People of the programme (admins may switch to every account): search, a virtualised table,
 * one account's drawer (edit, roles, disable / enable, resend the invitation), an invitation
 * form and the XLSX / CSV import.
 */
export default function PeoplePage() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const me = useMe();
  const qc = useQueryClient();
  const isAdmin = me.data?.roles.some((r) => r.role === 'admin') ?? false;
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Person['status'] | undefined>();
  const [scope, setScope] = useState<'programme' | 'all'>('programme');
  const [openId, setOpenId] = useState<number | null>(null);
  const [inviting, setInviting] = useState(false);
  const [importing, setImporting] = useState(false);
  const query = useDeferredValue(q.trim());
  const people = usePeople({
    programmeId: scope === 'all' && isAdmin ? undefined : programme.id,
    q: query || undefined,
    status,
  });
  const items = people.data?.items ?? [];
  const open = items.find((p) => p.id === openId) ?? null;

  return (
    <div className="people" data-testid="people-page">
      <div className="people__head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('people.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('people.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Button
            icon={<UploadOutlined />}
            onClick={() => setImporting((x) => !x)}
            data-testid="people-import-toggle"
          >
            {t('people.import')}
          </Button>
          <Button
            type="primary"
            icon={<MailOutlined />}
            onClick={() => setInviting(true)}
            data-testid="people-invite"
          >
            {t('people.invite')}
          </Button>
        </Space>
      </div>
      {importing && (
        <div style={{ marginBottom: 16 }}>
          <SheetImport
            base="/users"
            programmeId={programme.id}
            title={t('people.importTitle')}
            testId="people-import"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            chooseLabel={t('people.chooseFile')}
            hint={t('people.importHint')}
            onImported={() => void qc.invalidateQueries({ queryKey: ['people'] })}
          />
        </div>
      )}
      <Space wrap className="people__filters">
        <Input.Search
          allowClear
          placeholder={t('people.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 280 }}
          data-testid="people-search"
        />
        <Select<Person['status'] | undefined>
          allowClear
          placeholder={t('people.allStatuses')}
          value={status}
          onChange={setStatus}
          style={{ width: 240 }}
          data-testid="people-status"
          options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`people.statuses.${s}`) }))}
        />
        {isAdmin && (
          <Segmented
            value={scope}
            onChange={(v) => setScope(v as 'programme' | 'all')}
            options={[
              { value: 'programme', label: t('people.scopeProgramme') },
              { value: 'all', label: t('people.scopeAll') },
            ]}
          />
        )}
        {people.data && (
          <Typography.Text type="secondary" data-testid="people-count">
            {t('people.count', { shown: items.length, total: people.data.total })}
          </Typography.Text>
        )}
      </Space>
      {people.isError && <ErrorNote error={people.error} onRetry={() => void people.refetch()} />}
      <Table<Person>
        size="small"
        rowKey="id"
        data-testid="people-table"
        dataSource={items}
        loading={people.isFetching}
        pagination={false}
        virtual={items.length > VIRTUAL_FROM}
        scroll={{ x: 900, y: 560 }}
        locale={{ emptyText: people.isPending ? ' ' : t('people.empty') }}
        onRow={(p) => ({ 'data-testid': `person-row-${p.email}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('people.name'),
            key: 'name',
            width: 220,
            render: (_, p) => (
              <Button
                type="link"
                style={{ padding: 0 }}
                onClick={() => setOpenId(p.id)}
                data-testid="person-open"
              >
                {p.displayName}
              </Button>
            ),
          },
          {
            title: t('people.email'),
            dataIndex: 'email',
            width: 240,
            ellipsis: true,
            render: (e: string) => <span dir="ltr">{e}</span>,
          },
          { title: t('people.unit'), dataIndex: 'unitName', width: 200, ellipsis: true },
          {
            title: t('people.roles'),
            key: 'roles',
            width: 240,
            render: (_, p) =>
              p.roles.map((r) => (
                <Tag key={r.id} style={{ marginBottom: 2 }}>
                  {t(`people.roleNames.${r.role}`)}
                </Tag>
              )),
          },
          {
            title: t('people.status'),
            key: 'status',
            width: 180,
            render: (_, p) => <StatusTag status={p.status} />,
          },
        ]}
      />
      <PersonDrawer
        person={open}
        grantable={people.data?.grantable ?? []}
        programmeId={programme.id}
        isAdmin={isAdmin}
        onClose={() => setOpenId(null)}
      />
      {inviting && (
        <InviteDrawer
          programmeId={programme.id}
          grantable={people.data?.grantable ?? []}
          onClose={() => setInviting(false)}
        />
      )}
    </div>
  );
}

/** Invites one person: profile, one first role in this programme (more on their drawer), an e-mail. */
function InviteDrawer(props: {
  programmeId: number;
  grantable: Person['roles'][number]['role'][];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFields>();
  const [role, setRole] = useState(
    props.grantable.includes('unit_officer') ? 'unit_officer' : props.grantable[0],
  );
  const [error, setError] = useState<string | null>(null);
  const write = usePeopleWrite();
  const submit = (v: PersonFields) => {
    if (!role) return;
    const unitRole = role === 'unit_leader' || role === 'unit_officer';
    write.mutate(
      {
        path: '/users',
        body: {
          ...v,
          unitId: v.unitId ?? null,
          roles: [
            {
              role,
              programmeId: role === 'admin' ? null : props.programmeId,
              unitId: role === 'admin' ? null : unitRole ? (v.unitId ?? null) : null,
            },
          ],
        },
      },
      {
        onSuccess: () => {
          void message.success(t('people.inviteSent', { email: v.email }));
          props.onClose();
        },
        onError: (e) => setError((e as Error).message),
      },
    );
  };
  return (
    <Drawer
      open
      onClose={props.onClose}
      width={480}
      title={t('people.inviteTitle')}
      data-testid="invite-drawer"
    >
      <Typography.Paragraph type="secondary">{t('people.inviteHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <PersonForm form={form} onFinish={submit} />
      <Form layout="vertical">
        <Form.Item label={t('people.role')}>
          <Select
            value={role}
            onChange={setRole}
            data-testid="invite-role"
            options={props.grantable.map((r) => ({ value: r, label: t(`people.roleNames.${r}`) }))}
          />
        </Form.Item>
      </Form>
      <Button
        type="primary"
        block
        onClick={() => form.submit()}
        loading={write.isPending}
        data-testid="invite-submit"
      >
        {t('people.sendInvite')}
      </Button>
    </Drawer>
  );
}
