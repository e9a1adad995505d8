import type { Person } from '@shared/schemas/users';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<Person['status'], string> = { active: 'green', invited: 'gold', disabled: 'default' };

export function StatusTag({ status }: { status: Person['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid={`status-${status}`}>
      {t(`people.statuses.${status}`)}
    </Tag>
  );
}
