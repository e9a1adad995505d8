import type { Role } from '@shared/schemas/auth';
import type { Person } from '@shared/schemas/users';
import { Alert, App, Button, Divider, Drawer, Form, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLang } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { usePeopleWrite } from './api';
import { PersonForm, type PersonFields } from './PersonForm';
import { RolesEditor } from './RolesEditor';
import { StatusTag } from './StatusTag';

/** One account: its profile, its roles per programme, disable / enable, resend the invitation. */
export function PersonDrawer(props: {
  person: Person | null;
  grantable: Role[];
  programmeId: number;
  isAdmin: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { programme } = useProgrammeContext();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFields>();
  const write = usePeopleWrite();
  const p = props.person;
  const fail = (e: unknown) => void message.error((e as Error).message);
  const save = (v: PersonFields) =>
    p &&
    write.mutate(
      { path: `/users/${p.id}`, method: 'PATCH', body: { ...v, unitId: v.unitId ?? null } },
      { onSuccess: () => void message.success(t('people.saved')), onError: fail },
    );
  return (
    <Drawer
      open={p !== null}
      onClose={props.onClose}
      width={520}
      // Opens from the end side: the right in Vietnamese and English, the left in Arabic.
      placement={i18n.dir() === 'rtl' ? 'left' : 'right'}
      destroyOnHidden
      title={
        p && (
          <Space wrap>
            <span>{p.displayName}</span>
            <StatusTag status={p.status} />
          </Space>
        )
      }
      data-testid="person-drawer"
    >
      {p && (
        <>
          {!p.manageable && (
            <Alert type="info" showIcon title={t('people.notManageable')} style={{ marginBottom: 12 }} />
          )}
          <Typography.Title level={5}>{t('people.profile')}</Typography.Title>
          <PersonForm
            key={p.id}
            form={form}
            disabled={!p.manageable}
            initial={{
              email: p.email,
              displayName: p.displayName,
              unitId: p.unitId ?? undefined,
              locale: p.locale,
            }}
            onFinish={save}
          />
          {p.manageable && (
            <Space wrap>
              <Button
                type="primary"
                onClick={() => form.submit()}
                loading={write.isPending}
                data-testid="person-save"
              >
                {t('people.save')}
              </Button>
              {p.status === 'invited' && (
                <Button
                  data-testid="person-resend"
                  onClick={() =>
                    write.mutate(
                      { path: `/users/${p.id}/invitation` },
                      {
                        onSuccess: () => void message.success(t('people.resent', { email: p.email })),
                        onError: fail,
                      },
                    )
                  }
                >
                  {t('people.resend')}
                </Button>
              )}
              {p.status === 'disabled' ? (
                <Button
                  data-testid="person-enable"
                  onClick={() =>
                    write.mutate(
                      { path: `/users/${p.id}/enable` },
                      {
                        onSuccess: () => void message.success(t('people.enabled', { name: p.displayName })),
                        onError: fail,
                      },
                    )
                  }
                >
                  {t('people.enable')}
                </Button>
              ) : (
                <Popconfirm
                  title={t('people.disableConfirm', { name: p.displayName })}
                  onConfirm={() =>
                    write.mutate(
                      { path: `/users/${p.id}/disable` },
                      {
                        onSuccess: () => void message.success(t('people.disabled', { name: p.displayName })),
                        onError: fail,
                      },
                    )
                  }
                >
                  <Button danger data-testid="person-disable">
                    {t('people.disable')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
          <Divider />
          <Typography.Title level={5}>{t('people.roleEditor')}</Typography.Title>
          <RolesEditor
            person={p}
            grantable={props.grantable}
            programmeId={props.programmeId}
            isAdmin={props.isAdmin}
          />
          {p.invitedAt && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              <Tag>
                {t('people.invitedAt', {
                  at: formatDateTime(
                    p.invitedAt,
                    isLang(i18n.language) ? i18n.language : 'vi',
                    programme.timeZone,
                  ),
                })}
              </Tag>
            </Typography.Paragraph>
          )}
        </>
      )}
    </Drawer>
  );
}
