import type { UnitWithCounts } from '@shared/schemas/units';
import { Card, Input, List, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchUnits, useMe, useUnits } from '../api/queries';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { useUnitReader } from '../app/useUnitReader';
import { isLang, type Lang } from '../i18n';
import { formatNumber, pickName } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { UnitBulkToolbar } from './UnitBulkActions';

type Node = DataNode & { unit: UnitWithCounts };

/** The unit tree of the programme with, per unit, the tasks it leads as of the date: total, overdue, done. */
export default function UnitTreePage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
  const [q, setQ] = useState('');
  const scope = { programmeId: programme.id, asOf };
  const roots = useUnits({ ...scope, roots: true });
  const found = useUnits({ ...scope, q: q.trim() }, q.trim().length >= 2);
  const [tree, setTree] = useState<Node[]>([]);
  const [expanded, setExpanded] = useState<Key[]>([]);
  // A unit's readers open the pages of their own unit and those below it; the others show as names.
  const unitReader = useUnitReader(programme.id);
  const mine = useUnits({ ...scope, subtreeOf: unitReader?.unitId }, unitReader !== null);
  const opens = (u: UnitWithCounts) => !unitReader || Boolean(mine.data?.some((m) => m.id === u.id));
  const me = useMe();
  const admin = me.data?.roles.some((r) => r.role === 'admin') ?? false;

  const toNode = (u: UnitWithCounts): Node => ({
    key: u.id,
    unit: u,
    isLeaf: u.childCount === 0,
    title: <UnitTitle unit={u} lang={lang} programmeId={programme.id} asOf={asOf} opens={opens(u)} />,
  });

  useEffect(() => {
    // The programme's own root (the city or province) when it has one, else every top unit.
    const mine = roots.data?.filter((u) => u.id === programme.rootUnitId);
    if (!roots.data) return;
    const top = (mine?.length ? mine : roots.data).map(toNode);
    setTree(top);
    // One root (the city): open it, its departments and communes are what people look for.
    if (top.length === 1 && top[0]) void loadChildren(top[0]).then(() => setExpanded([top[0]!.key]));
  }, [roots.data, lang, mine.data]);

  async function loadChildren(node: Node) {
    if (node.children?.length) return;
    const children = await fetchUnits({ ...scope, parentId: node.unit.id });
    setTree((prev) => attach(prev, node.unit.id, children.map(toNode)));
  }

  if (roots.isPending || (unitReader && mine.isPending)) return <PageSpinner />;
  if (roots.isError) return <ErrorNote error={roots.error} onRetry={() => void roots.refetch()} />;

  return (
    <div className="unit-tree">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>{t('units.title')}</Typography.Title>
        {admin && <UnitBulkToolbar />}
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('units.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          data-testid="unit-search"
        />
        {q.trim().length >= 2 && (
          <List
            size="small"
            loading={found.isFetching}
            dataSource={found.data ?? []}
            renderItem={(u) => (
              <List.Item>
                <UnitTitle unit={u} lang={lang} programmeId={programme.id} asOf={asOf} opens={opens(u)} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small">
        <Tree<Node>
          data-testid="unit-tree"
          treeData={tree}
          loadData={loadChildren}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys)}
          blockNode
          selectable={false}
        />
      </Card>
    </div>
  );
}

function attach(nodes: Node[], id: number, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.unit.id === id
      ? { ...n, children }
      : n.children
        ? { ...n, children: attach(n.children as Node[], id, children) }
        : n,
  );
}

function UnitTitle(props: {
  unit: UnitWithCounts;
  lang: Lang;
  programmeId: number;
  asOf: string | undefined;
  /** Whether the reader may open the unit's page. */
  opens: boolean;
}) {
  const { t } = useTranslation();
  const { unit: u, lang } = props;
  const c = u.counts;
  return (
    <Space wrap size={[8, 2]} data-testid={`unit-${u.code}`}>
      {props.opens ? (
        <Link
          to={withAsOf(`/p/${props.programmeId}/units/${u.id}`, props.asOf)}
          onClick={(e) => e.stopPropagation()}
          data-testid={`unit-link-${u.code}`}
        >
          <Typography.Text strong>{pickName(u.name, lang)}</Typography.Text>
        </Link>
      ) : (
        <Typography.Text strong>{pickName(u.name, lang)}</Typography.Text>
      )}
      {u.mergedInto && (
        <Tag color="default" data-testid={`unit-merged-${u.code}`}>
          {t('unitBulk.mergedTag', { date: u.mergedInto.on })}
        </Tag>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`unitKind.${u.kind}`)}
        {u.childCount > 0 ? ` · ${t('units.children', { count: u.childCount })}` : ''}
      </Typography.Text>
      {c && c.total > 0 && (
        <>
          <Tag>
            {t('units.led')}: {formatNumber(c.total, lang)}
          </Tag>
          {c.overdue > 0 && (
            <Tag color="error">
              {t('units.overdue')}: {formatNumber(c.overdue, lang)}
            </Tag>
          )}
          <Tag color="success">
            {t('units.done')}: {formatNumber(c.done, lang)}
          </Tag>
        </>
      )}
      <Link
        to={withAsOf(`/p/${props.programmeId}/tasks`, props.asOf, { unitId: String(u.id) })}
        onClick={(e) => e.stopPropagation()}
      >
        {t('units.viewTasks')}
      </Link>
    </Space>
  );
}
