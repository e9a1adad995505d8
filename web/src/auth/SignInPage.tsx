import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@shared/schemas/auth';
import { api, ApiError } from '../api/client';
import { changeLang, isLang } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { ForgotPassword } from './ForgotPassword';
import './sign-in.css';

type Fields = { email: string; password: string };

/** Password sign-in. The server's message (wrong password, locked, too many tries) is shown as is. */
export function SignInPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);
  const [form] = Form.useForm<Fields>();

  async function submit(values: Fields) {
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('/auth/login', { method: 'POST', body: values });
      if (isLang(me.locale)) await changeLang(me.locale);
      // Nothing cached for the previous user survives; the shell watches 'me' and re-renders.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], me);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <Card className="sign-in__card">
        <div className="sign-in__brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        {forgot ? (
          <ForgotPassword
            initialEmail={form.getFieldValue('email') as string | undefined}
            onBack={() => setForgot(false)}
          />
        ) : (
          <>
            <Typography.Title level={4}>{t('auth.title')}</Typography.Title>
            {error && (
              <Alert
                type="error"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
                data-testid="login-error"
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
                name="email"
                label={t('auth.email')}
                rules={[
                  { required: true, type: 'email', message: t('auth.required', { field: t('auth.email') }) },
                ]}
              >
                <Input
                  prefix={<MailOutlined />}
                  autoComplete="username"
                  inputMode="email"
                  dir="ltr"
                  data-testid="login-email"
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('auth.password')}
                rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  autoComplete="current-password"
                  data-testid="login-password"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
                {t('auth.submit')}
              </Button>
            </Form>
            <Button
              type="link"
              onClick={() => setForgot(true)}
              style={{ paddingInline: 0, marginTop: 4 }}
              data-testid="forgot-link"
            >
              {t('accountLink.forgot')}
            </Button>
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('auth.demoHint')}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          <a href="/public" data-testid="public-figures-link">
            {t('publicPage.title')}
          </a>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
