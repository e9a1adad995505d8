import { MailOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';

/**
 * "Forgot password?": asks for a reset link. The answer is the same whether the e-mail has an
 * account or not, so the page says "if it has one".
 */
export function ForgotPassword(props: { initialEmail?: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: { email: string }) {
    setBusy(true);
    setError(null);
    try {
      await api('/auth/password-reset', { method: 'POST', body: { email: v.email } });
      setSent(v.email);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div data-testid="forgot-password">
      <Typography.Title level={4}>{t('accountLink.forgotTitle')}</Typography.Title>
      {sent ? (
        <Alert
          type="success"
          showIcon
          title={t('accountLink.sent', { email: `\u2066${sent}\u2069` })}
          data-testid="reset-sent"
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('accountLink.forgotLead')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form<{ email: string }>
            layout="vertical"
            onFinish={submit}
            requiredMark={false}
            disabled={busy}
            initialValues={{ email: props.initialEmail }}
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
                data-testid="reset-email"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="reset-submit">
              {t('accountLink.send')}
            </Button>
          </Form>
        </>
      )}
      <Button
        type="link"
        onClick={props.onBack}
        style={{ paddingInline: 0, marginTop: 8 }}
        data-testid="reset-back"
      >
        {t('accountLink.back')}
      </Button>
    </div>
  );
}
