import { CheckCircleFilled, CloseCircleOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@shared/schemas/auth';
import type { AccountLink } from '@shared/schemas/users';
import { passwordProblems, type PasswordProblem } from '@shared/password-policy';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { changeLang, isLang } from '../i18n';
import { readerZone, formatDateTime } from '../i18n/format';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { PageSpinner } from '../ui/states';
import './sign-in.css';

const RULES: PasswordProblem[] = ['too_short', 'classes', 'contains_email', 'common'];
type Fields = { password: string; confirm: string };

/**
 * The page a one-time link opens (no sign-in): an invitation (`/invite/:token`) or a password
 * reset (`/password/:token`). Shows whose account it is, the policy's rules ticked as the person
 * types, sets the password, then signs them in. An expired or used link says so.
 */
export default function AccountLinkPage({ purpose }: { purpose: 'invite' | 'reset' }) {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const base = purpose === 'invite' ? '/auth/invitations' : '/auth/password-reset';
  const link = useQuery({
    queryKey: ['account-link', purpose, token],
    queryFn: () => api<AccountLink>(`${base}/${encodeURIComponent(token)}`),
    retry: false,
  });
  const [form] = Form.useForm<Fields>();
  const password = Form.useWatch('password', form) ?? '';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The page opens in the person's own language once (they may switch it).
  const switched = useRef(false);
  useEffect(() => {
    if (link.data && !switched.current && isLang(link.data.locale) && link.data.locale !== i18n.language) {
      switched.current = true;
      void changeLang(link.data.locale);
    }
  }, [link.data, i18n.language]);

  if (link.isPending) return <PageSpinner />;
  const lang = isLang(i18n.language) ? i18n.language : 'vi';

  async function submit(v: Fields) {
    setBusy(true);
    setError(null);
    try {
      const { email } = await api<{ email: string }>(`${base}/${encodeURIComponent(token)}`, {
        method: 'POST',
        body: { password: v.password },
      });
      const me = await api<Me>('/auth/login', { method: 'POST', body: { email, password: v.password } });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], me);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.code === 'link_invalid') void link.refetch();
    } finally {
      setBusy(false);
    }
  }

  const problems = new Set(passwordProblems(password, link.data?.email));
  return (
    <main className="sign-in" data-testid="account-link-page">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <Card className="sign-in__card">
        <div className="sign-in__brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
        </div>
        {link.isError || !link.data ? (
          <Result
            status="warning"
            title={t('accountLink.invalid')}
            subTitle={t('accountLink.invalidLead')}
            data-testid="link-invalid"
            extra={
              <Button type="primary" href="/">
                {t('accountLink.toSignIn')}
              </Button>
            }
          />
        ) : (
          <>
            <Typography.Title level={4} data-testid="link-title">
              {purpose === 'invite'
                ? t('accountLink.inviteTitle', { name: link.data.displayName })
                : t('accountLink.resetTitle')}
            </Typography.Title>
            <Typography.Paragraph>
              {t(purpose === 'invite' ? 'accountLink.inviteLead' : 'accountLink.resetLead', {
                email: `\u2066${link.data.email}\u2069`,
              })}
            </Typography.Paragraph>
            {error && (
              <Alert
                type="error"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
                data-testid="link-error"
              />
            )}
            <Form<Fields>
              form={form}
              layout="vertical"
              onFinish={submit}
              requiredMark={false}
              disabled={busy}
            >
              <Form.Item
                name="password"
                label={t('accountLink.password')}
                rules={[
                  { required: true, message: t('auth.required', { field: t('accountLink.password') }) },
                ]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  autoComplete="new-password"
                  data-testid="new-password"
                />
              </Form.Item>
              <ul className="password-rules" data-testid="password-rules">
                {RULES.map((r) => {
                  const ok = password !== '' && !problems.has(r);
                  return (
                    <li key={r} className={ok ? 'is-ok' : undefined} data-testid={`rule-${r}`} data-ok={ok}>
                      {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {t(`accountLink.rules.${r}`)}
                    </li>
                  );
                })}
              </ul>
              <Form.Item
                name="confirm"
                label={t('accountLink.confirm')}
                dependencies={['password']}
                rules={[
                  { required: true, message: t('auth.required', { field: t('accountLink.confirm') }) },
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      !v || v === getFieldValue('password')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('accountLink.mismatch'))),
                  }),
                ]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  autoComplete="new-password"
                  data-testid="confirm-password"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="set-password">
                {t('accountLink.submit')}
              </Button>
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
              {t('accountLink.expires', {
                at: formatDateTime(link.data.expiresAt, lang, readerZone(), { zone: 'always' }),
              })}
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </main>
  );
}
