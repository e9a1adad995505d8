import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
} as const;
const CELL_COLOR = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  pending: 'default',
  not_expected: '',
} as const;

export function ReportStatusTag({ status }: { status: keyof typeof STATUS_COLOR | 'none' }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'none' ? 'default' : STATUS_COLOR[status]} data-testid="report-status">
      {t(`reportStatus.${status}`)}
    </Tag>
  );
}

export function DisciplineCell({ cell }: { cell: keyof typeof CELL_COLOR }) {
  const { t } = useTranslation();
  if (cell === 'not_expected') return <span aria-label={t('discipline.cell.not_expected')}>·</span>;
  return (
    <Tag color={CELL_COLOR[cell]} style={{ marginInlineEnd: 0 }} data-cell={cell}>
      {t(`discipline.cell.${cell}`)}
    </Tag>
  );
}
