import { HistoryOutlined } from '@ant-design/icons';
import { DatePicker, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Picks the date every figure is computed as of; empty means the server's today. */
export function AsOfPicker(props: {
  value: string | undefined;
  today: string | undefined;
  onChange: (d: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const today = props.today ? dayjs(props.today) : dayjs();
  return (
    <Tooltip title={t('common.asOfHint')} placement="bottom">
      <DatePicker
        className="shell__asof"
        data-testid="as-of-picker"
        prefix={<HistoryOutlined />}
        value={dayjs(props.value ?? props.today ?? undefined)}
        format="DD/MM/YYYY"
        allowClear={false}
        inputReadOnly
        aria-label={t('common.asOf')}
        disabledDate={(d) => d.isAfter(today.add(1, 'year'))}
        renderExtraFooter={() => (
          <a onClick={() => props.onChange(undefined)} data-testid="as-of-today">
            {t('common.backToToday')}
          </a>
        )}
        onChange={(d) => {
          if (!d) return props.onChange(undefined);
          const iso = d.format('YYYY-MM-DD');
          props.onChange(iso === props.today ? undefined : iso);
        }}
      />
    </Tooltip>
  );
}
