import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnit, useUnits } from '../api/queries';
import { isLang } from '../i18n';
import { pickName } from '../i18n/format';

/** Finds a unit by name or code as the user types (accents optional: "hoan kiem" finds "Hoàn Kiếm"). */
export function UnitSelect(props: { value: number | undefined; onChange: (id: number | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const [q, setQ] = useState('');
  const found = useUnits({ q: q.trim() }, q.trim().length >= 2);
  const selected = useUnit(props.value);
  const options = (found.data ?? []).slice(0, 50).map((u) => ({
    value: u.id,
    label: `${pickName(u.name, lang)} · ${t(`unitKind.${u.kind}`)}`,
  }));
  if (props.value && selected.data && !options.some((o) => o.value === props.value))
    options.unshift({ value: props.value, label: pickName(selected.data.name, lang) });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      data-testid="filter-unit"
      placeholder={t('units.searchPlaceholder')}
      value={props.value}
      onChange={(v) => props.onChange(v ?? undefined)}
      options={options}
      loading={found.isFetching}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
