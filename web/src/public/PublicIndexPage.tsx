import { useQuery } from '@tanstack/react-query';
import type { LocalizedName } from '@shared/schemas/common';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { isLang, type Lang } from '../i18n';
import { pickName } from '../i18n/format';
import { ErrorNote, PageSpinner } from '../ui/states';
import { PublicFrame } from './PublicFrame';

/** The programmes that publish their figures. */
export default function PublicIndexPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const q = useQuery({
    queryKey: ['public'],
    queryFn: () => api<{ slug: string; name: LocalizedName }[]>('/public/programmes'),
  });
  return (
    <PublicFrame>
      <Typography.Title level={2}>{t('publicPage.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('publicPage.intro')}</Typography.Paragraph>
      {q.isPending ? (
        <PageSpinner />
      ) : q.isError ? (
        <ErrorNote error={q.error} />
      ) : (
        <Card size="small">
          <List
            dataSource={q.data}
            locale={{ emptyText: t('publicPage.none') }}
            renderItem={(p) => (
              <List.Item>
                <Link to={`/public/${p.slug}`} data-testid={`public-link-${p.slug}`}>
                  {pickName(p.name, lang)}
                </Link>
                <Typography.Text type="secondary" code>
                  /public/{p.slug}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
    </PublicFrame>
  );
}
