import type { Cockpit } from '@shared/schemas/cockpit';
import { Empty as AntEmpty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstantDate, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import type { Lang } from '../i18n';
import { Tile } from './Tile';
import { reasonLabel } from '../money/reason';

const REASON_COLOR = {
  overdue_tasks: 'error',
  report_missing: 'warning',
  report_late: 'gold',
  disbursement_below_threshold: 'purple',
  recommendations_overdue: 'purple',
} as const;

/** The warning list in force on the "as of" day (the latest published by then), in the scope. */
export function WarningListCard(props: {
  list: Cockpit['warningList'];
  lang: Lang;
  exportPath: string;
  query: Record<string, string | number | undefined>;
  base: string;
}) {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const l = props.list;
  return (
    <Tile
      tile="warning_list"
      title={t('cockpit.warningList')}
      exportPath={props.exportPath}
      query={props.query}
    >
      {!l ? (
        <AntEmpty image={AntEmpty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noWarningList')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            <Link to={`${props.base}/warnings/${l.period}`} data-testid="cockpit-warning-period">
              {t('cockpit.warningListOf', {
                period: ltr(l.period),
                date: formatInstantDate(l.publishedAt, props.lang, programme.timeZone),
                count: l.unitCount,
              })}
            </Link>
          </Typography.Paragraph>
          <List
            size="small"
            className="cockpit-warnings"
            dataSource={l.units.slice(0, 8)}
            renderItem={(u) => (
              <List.Item data-testid="cockpit-warning-unit">
                <div className="cockpit-warnings__unit">
                  <span>{u.unit.name}</span>
                  {u.streak > 1 && (
                    <Typography.Text type="danger" className="cockpit-warnings__streak">
                      {t('cockpit.streak', { count: u.streak })}
                    </Typography.Text>
                  )}
                </div>
                <div>
                  {u.reasons.map((r) => (
                    <Tag key={r.code} color={REASON_COLOR[r.code]}>
                      {reasonLabel(t, r, props.lang)}
                    </Tag>
                  ))}
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Tile>
  );
}
