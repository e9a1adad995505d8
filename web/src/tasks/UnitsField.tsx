import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../api/queries';
import { isLang } from '../i18n';
import { pickName } from '../i18n/format';

type Known = { id: number; name: string };

/**
 * A form field holding one unit id or several: found by name or code as the user types (accents
 * optional), with the names of the units already chosen known beforehand (no look-up per id).
 */
export function UnitsField(props: {
  value?: number | number[] | null;
  onChange?: (v: number | number[] | null) => void;
  multiple?: boolean;
  known?: Known[];
  testId: string;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const [q, setQ] = useState('');
  const found = useUnits({ q: q.trim() }, q.trim().length >= 2);
  const [seen, setSeen] = useState<Map<number, string>>(
    () => new Map((props.known ?? []).map((k) => [k.id, k.name])),
  );
  const options = new Map(seen);
  for (const u of (found.data ?? []).slice(0, 50))
    options.set(u.id, `${pickName(u.name, lang)} · ${t(`unitKind.${u.kind}`)}`);
  return (
    <Select
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      data-testid={props.testId}
      placeholder={t('taskForm.unitSearch')}
      value={props.value ?? (props.multiple ? [] : undefined)}
      onChange={(v: number | number[] | undefined) => {
        const ids = v === undefined ? [] : Array.isArray(v) ? v : [v];
        setSeen((m) => new Map([...m, ...ids.map((id) => [id, options.get(id) ?? String(id)] as const)]));
        props.onChange?.(props.multiple ? ids : (ids[0] ?? null));
        setQ('');
      }}
      options={[...options].map(([value, label]) => ({ value, label }))}
      loading={found.isFetching}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
