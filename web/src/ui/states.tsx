import { Alert, Button, Empty as AntEmpty, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div
      style={{ display: 'grid', placeItems: 'center', minHeight: '40vh' }}
      role="status"
      aria-live="polite"
    >
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

export function Empty({ text }: { text: string }) {
  return <AntEmpty description={text} style={{ margin: '48px auto' }} />;
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = (error as Error | null)?.message ?? String(error);
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.error')}
      description={message}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      style={{ margin: '16px 0' }}
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('nav.overview')}</Button>
        </Link>
      }
    />
  );
}
