import { SearchOutlined } from '@ant-design/icons';
import { ASSIGNED_LEVELS, TASK_KINDS, TASK_SORTS, TASK_STATES } from '@shared/vocabulary';
import { Button, Col, DatePicker, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectives } from '../api/queries';
import { isLang } from '../i18n';
import { pickName } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import type { TaskListFilters } from './task-filters';
import { UnitSelect } from './UnitSelect';
import { WhyDisabled } from '../ui/WhyDisabled';

type Props = {
  value: TaskListFilters;
  onChange: (patch: Partial<TaskListFilters>) => void;
  onClear: () => void;
};

/** Every filter of the task list API, laid out to wrap on a phone. */
export function TaskFilters({ value: f, onChange, onClear }: Props) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const directives = useDirectives(programme.id);
  const [q, setQ] = useState(f.q ?? '');
  useEffect(() => setQ(f.q ?? ''), [f.q]);
  // Search as the user types, once they pause (a weak line should not carry a request per key).
  useEffect(() => {
    const h = setTimeout(() => {
      if ((q.trim() || undefined) !== f.q) onChange({ q: q.trim() || undefined });
    }, 350);
    return () => clearTimeout(h);
  }, [q]);

  return (
    <Row gutter={[8, 8]} className="task-filters">
      <Col xs={24} md={12} xl={6}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('tasks.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="filter-q"
          aria-label={t('common.search')}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('tasks.state')}
          value={f.state ?? []}
          onChange={(v) => onChange({ state: v.length ? v : undefined })}
          options={TASK_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          style={{ width: '100%' }}
          data-testid="filter-state"
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <UnitSelect value={f.unitId} onChange={(unitId) => onChange({ unitId })} />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <WhyDisabled block reason={!f.unitId && t('unitScreens.pickUnitFirst')}>
          <Select
            value={f.unitRole ?? 'any'}
            onChange={(v: 'any' | 'lead' | 'coordinate') =>
              onChange({ unitRole: v === 'any' ? undefined : v })
            }
            disabled={!f.unitId}
            options={[
              { value: 'any', label: t('tasks.unitRoleAny') },
              { value: 'lead', label: t('tasks.unitRoleLead') },
              { value: 'coordinate', label: t('tasks.unitRoleCoordinate') },
            ]}
            style={{ width: '100%' }}
            aria-label={t('tasks.unitRole')}
          />
        </WhyDisabled>
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Select
          value={f.sort ?? 'deadline'}
          onChange={(sort) => onChange({ sort: sort === 'deadline' ? undefined : sort })}
          options={TASK_SORTS.map((s) => ({ value: s, label: t(`tasks.sortOptions.${s}`) }))}
          style={{ width: '100%' }}
          aria-label={t('tasks.sort')}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('tasks.level')}
          value={f.level ?? []}
          onChange={(v) => onChange({ level: v.length ? v : undefined })}
          options={ASSIGNED_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          style={{ width: '100%' }}
        />
      </Col>
      {programme.groups.length > 0 && (
        <Col xs={24} md={12} xl={6}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('tasks.group')}
            value={f.groupId ?? []}
            onChange={(v) => onChange({ groupId: v.length ? v : undefined })}
            options={programme.groups.map((g) => ({ value: g.id, label: pickName(g.name, lang) }))}
            style={{ width: '100%' }}
          />
        </Col>
      )}
      <Col xs={24} md={12} xl={6}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('tasks.directive')}
          value={f.directiveId}
          onChange={(v) => onChange({ directiveId: v ?? undefined })}
          options={(directives.data ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
          style={{ width: '100%' }}
          popupMatchSelectWidth={false}
        />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Select
          allowClear
          placeholder={t('tasks.kind')}
          value={f.kind}
          onChange={(v) => onChange({ kind: v ?? undefined })}
          options={TASK_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          style={{ width: '100%' }}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          placeholder={[t('tasks.deadlineRange'), '']}
          value={[f.deadlineFrom ? dayjs(f.deadlineFrom) : null, f.deadlineTo ? dayjs(f.deadlineTo) : null]}
          onChange={(r) =>
            onChange({
              deadlineFrom: r?.[0]?.format('YYYY-MM-DD') ?? undefined,
              deadlineTo: r?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
          style={{ width: '100%' }}
        />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Button onClick={onClear} block data-testid="filter-clear">
          {t('common.clear')}
        </Button>
      </Col>
    </Row>
  );
}
