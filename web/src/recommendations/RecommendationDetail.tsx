import type { Recommendation } from '@shared/schemas/recommendations';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { withAsOf } from '../app/useAsOf';
import { isLang } from '../i18n';
import { formatDate } from '../i18n/format';
import { ErrorNote, PageSpinner } from '../ui/states';

const STATE_COLOR: Record<string, string> = {
  pending: 'blue',
  overdue: 'red',
  answered_on_time: 'green',
  answered_late: 'orange',
};

/** One recommendation in full: both sides, the clock to answer as of the date, the answer. */
export function RecommendationDetail(props: {
  id: string;
  programmeId: number;
  asOf: string | undefined;
  onAnswer: (r: Recommendation) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const q = useQuery({
    queryKey: ['recommendations', 'one', props.id, props.asOf],
    queryFn: ({ signal }) =>
      api<Recommendation>(`/recommendations/${props.id}`, { query: { asOf: props.asOf }, signal }),
  });
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <ErrorNote error={q.error} />;
  const r = q.data;
  const unit = (u: { id: number; name: string }) => (
    <Link to={withAsOf(`/p/${props.programmeId}/units/${u.id}`, props.asOf)}>{u.name}</Link>
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="recommendation-detail"
      title={t('registerScreens.recommendation.detail', { id: r.id })}
      extra={
        r.can.answer && (
          <Button size="small" type="primary" onClick={() => props.onAnswer(r)}>
            {t('recommendations.answer')}
          </Button>
        )
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('recommendations.from')}>{unit(r.from)}</Descriptions.Item>
        <Descriptions.Item label={t('recommendations.to')}>{unit(r.to)}</Descriptions.Item>
        <Descriptions.Item label={t('recommendations.stateCol')}>
          <Tag color={STATE_COLOR[r.state]}>{t(`recommendations.state.${r.state}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('recommendations.submittedOn')}>
          {formatDate(r.submittedOn, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('recommendations.dueOn')}>
          {formatDate(r.answerDueOn, lang)}
          {r.workingDaysLeft !== null &&
            ` · ${
              r.workingDaysLeft < 0
                ? t('recommendations.lateBy', { count: -r.workingDaysLeft })
                : t('recommendations.left', { count: r.workingDaysLeft })
            }`}
        </Descriptions.Item>
        <Descriptions.Item label={t('registerScreens.recommendation.answeredOn')}>
          {formatDate(r.answeredOn, lang)}
          {r.answeredBy ? ` · ${r.answeredBy}` : ''}
        </Descriptions.Item>
      </Descriptions>
      {r.answer && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type="secondary">
          ↳ {r.answer}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
