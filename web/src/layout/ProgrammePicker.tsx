import type { Programme } from '@shared/schemas/programmes';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLang } from '../i18n';
import { pickName } from '../i18n/format';

export function ProgrammePicker(props: {
  programmes: Programme[];
  value: number;
  onChange: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  return (
    <Select
      className="shell__programme"
      data-testid="programme-picker"
      aria-label={t('common.programme')}
      value={props.value}
      onChange={props.onChange}
      popupMatchSelectWidth={false}
      // Archived programmes leave the picker (decision 46); the one open stays so its name shows.
      options={props.programmes
        .filter((p) => !p.archivedAt || p.id === props.value)
        .map((p) => ({ value: p.id, label: pickName(p.name, lang), title: p.code }))}
    />
  );
}
