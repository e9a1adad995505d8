import { Button, Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import './public.css';

/** The public pages' frame: the name, the list of programmes, the language, a way to sign in. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout className="public">
      <Layout.Header className="public__bar">
        <Link to="/public" className="shell__brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
          <span className="public__bar-title">· {t('publicPage.title')}</span>
        </Link>
        <div style={{ flex: 1 }} />
        <LanguageSwitch />
        <Link to="/">
          <Button type="link">{t('publicPage.signIn')}</Button>
        </Link>
      </Layout.Header>
      <Layout.Content className="public__content">{children}</Layout.Content>
    </Layout>
  );
}
