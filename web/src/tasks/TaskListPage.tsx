import { DownloadOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import type { TaskListItem } from '@shared/schemas/tasks';
import type { TaskSort } from '@shared/vocabulary';
import { Badge, Button, Card, Grid, Progress, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { toQueryString } from '../api/client';
import { useMe, useTaskList } from '../api/queries';
import { withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatNumber } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { TaskImportButton } from './TaskImport';
import { StateTag } from '../ui/StateTag';
import { ErrorNote } from '../ui/states';
import {
  activeFilterCount,
  parseTaskFilters,
  taskFiltersToParams,
  type TaskListFilters,
} from './task-filters';
import { TaskFilters } from './TaskFilters';
import './tasks.css';

/** Past this many rows the table renders only what is on screen. */
const VIRTUAL_FROM = 100;

/** The task list: filters in the URL, pages fetched by cursor as the user scrolls, exported as shown. */
export default function TaskListPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const me = useMe();
  const canImport = (me.data?.roles ?? []).some(
    (r) => r.role === 'admin' || (r.role === 'standing' && r.programmeId === programme.id),
  );
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => parseTaskFilters(programme.id, params), [programme.id, params]);
  const list = useTaskList(filters);
  const screens = Grid.useBreakpoint();
  const height = useTableHeight();
  const phone = screens.md === false;
  const [showFilters, setShowFilters] = useState(false);
  // The standing agency and admins create tasks (the server's canManageTasks).
  const mayCreate = me.data?.roles.some(
    (r) =>
      r.role === 'admin' ||
      (r.role === 'standing' && (r.programmeId === null || r.programmeId === programme.id)),
  );

  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;

  const update = (patch: Partial<TaskListFilters>) =>
    setParams(taskFiltersToParams({ ...filters, ...patch }), { replace: true });
  const clear = () =>
    setParams(taskFiltersToParams({ programmeId: programme.id, asOf: filters.asOf }), { replace: true });
  const sortOrder = (field: string): SortOrder =>
    filters.sort === field || (!filters.sort && field === 'deadline')
      ? 'ascend'
      : filters.sort === `-${field}`
        ? 'descend'
        : null;

  // On a phone one column carries everything, so the list reads top to bottom without sideways scrolling.
  const phoneColumns: ColumnsType<TaskListItem> = [
    {
      title: t('tasks.task'),
      key: 'task',
      render: (_, r) => (
        <div className="task-card">
          <Typography.Text type="secondary" className="task-card__meta">
            {r.code} · {formatDate(r.deadlineAsOf, lang)}
          </Typography.Text>
          <div className="task-card__title">{r.title}</div>
          <Space size={6} wrap>
            <StateTag state={r.state} />
            {r.daysOverdue ? <Typography.Text type="danger">+{r.daysOverdue}</Typography.Text> : null}
            <Typography.Text type="secondary">{r.progress}%</Typography.Text>
            <Typography.Text type="secondary" ellipsis className="task-card__unit">
              {r.leadUnit.name}
            </Typography.Text>
          </Space>
        </div>
      ),
    },
  ];
  const desktopColumns: ColumnsType<TaskListItem> = [
    {
      title: t('tasks.code'),
      dataIndex: 'code',
      key: 'code',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('code'),
    },
    {
      title: t('tasks.task'),
      dataIndex: 'title',
      key: 'title',
      width: 420,
      sorter: true,
      sortOrder: sortOrder('title'),
      ellipsis: { showTitle: true },
    },
    ...(screens.md
      ? [
          {
            title: t('tasks.leadUnit'),
            key: 'lead',
            width: 220,
            ellipsis: true,
            render: (_: unknown, r: TaskListItem) => r.leadUnit.name,
          },
        ]
      : []),
    {
      title: t('tasks.deadline'),
      dataIndex: 'deadlineAsOf',
      key: 'deadline',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('deadline'),
      render: (d: string) => formatDate(d, lang),
    },
    {
      title: t('tasks.progress'),
      dataIndex: 'progress',
      key: 'progress',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('progress'),
      render: (p: number) => <Progress percent={p} size="small" />,
    },
    {
      title: t('tasks.state'),
      key: 'state',
      width: 190,
      render: (_, r) => (
        <Space size={4}>
          <StateTag state={r.state} />
          {r.daysOverdue ? <Typography.Text type="danger">+{r.daysOverdue}</Typography.Text> : null}
        </Space>
      ),
    },
  ];

  const exportHref = `/api/v1/tasks/export.xlsx${toQueryString({ ...filters })}`;
  const nFilters = activeFilterCount(filters);

  return (
    <div className="task-list">
      <div className="task-list__head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tasks.title')}{' '}
          {nFilters > 0 && <Badge count={nFilters} color="#b71c1c" title={t('tasks.filters')} />}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary" data-testid="task-count">
            {t('common.shownOf', {
              shown: formatNumber(items.length, lang),
              total: formatNumber(total, lang),
            })}
          </Typography.Text>
          {mayCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate(`/p/${programme.id}/tasks/new`)}
              data-testid="task-new"
            >
              {t('taskForm.newTask')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="export-xlsx">
            {t('common.export')}
          </Button>
          {canImport && <TaskImportButton programmeId={programme.id} />}
        </Space>
      </div>
      {phone && (
        <Button
          block
          icon={<FilterOutlined />}
          onClick={() => setShowFilters((v) => !v)}
          style={{ marginBottom: 8 }}
          data-testid="toggle-filters"
        >
          {t('tasks.filters')} {nFilters > 0 ? `(${nFilters})` : ''}
        </Button>
      )}
      {(!phone || showFilters) && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <TaskFilters value={filters} onChange={update} onClear={clear} />
        </Card>
      )}
      {list.isError && <ErrorNote error={list.error} onRetry={() => void list.refetch()} />}
      <Table<TaskListItem>
        data-testid="task-table"
        className="task-table"
        size="small"
        rowKey="id"
        columns={phone ? phoneColumns : desktopColumns}
        dataSource={items}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        pagination={false}
        virtual={items.length > VIRTUAL_FROM}
        scroll={phone ? { y: height } : { x: 1200, y: height }}
        locale={{ emptyText: list.isPending ? ' ' : t('tasks.empty') }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = String(s?.columnKey ?? 'deadline');
          const sort = (s?.order === 'descend' ? `-${key}` : key) as TaskSort;
          update({ sort: s?.order ? (sort === 'deadline' ? undefined : sort) : undefined });
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (
            el.scrollHeight - el.scrollTop - el.clientHeight < 400 &&
            list.hasNextPage &&
            !list.isFetchingNextPage
          )
            void list.fetchNextPage();
        }}
        onRow={(r) =>
          ({
            'data-testid': `task-row-${r.code}`,
            onClick: () => navigate(withAsOf(`/p/${programme.id}/tasks/${r.id}`, filters.asOf)),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {list.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
            data-testid="load-more"
          >
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The table fills the window below the filters (at least 320 px), so long lists scroll inside it. */
function useTableHeight() {
  const calc = () => Math.max(320, window.innerHeight - 330);
  const [h, setH] = useState(calc);
  useEffect(() => {
    const on = () => setH(calc());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}
