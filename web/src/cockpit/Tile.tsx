import { DownloadOutlined } from '@ant-design/icons';
import type { CockpitTile } from '@shared/vocabulary';
import { Button, Card, Dropdown, message } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from './download';

/** A cockpit card whose numbers can be downloaded as CSV or XLSX (the server builds both). */
export function Tile(props: {
  tile: CockpitTile;
  title: ReactNode;
  exportPath: string;
  query: Record<string, string | number | undefined>;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const get = (format: 'csv' | 'xlsx') =>
    download(props.exportPath, { ...props.query, format, tile: props.tile }).catch(() =>
      message.error(t('common.error')),
    );
  return (
    <Card
      size="small"
      title={props.title}
      className="cockpit-tile"
      data-testid={props.testId ?? `tile-${props.tile}`}
      extra={
        <span className="cockpit-tile__extra">
          {props.extra}
          <Dropdown
            menu={{
              items: [
                { key: 'csv', label: 'CSV', onClick: () => void get('csv') },
                { key: 'xlsx', label: 'Excel (XLSX)', onClick: () => void get('xlsx') },
              ],
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<DownloadOutlined />}
              aria-label={t('cockpit.download')}
              title={t('cockpit.download')}
              className="no-print"
              data-testid={`download-${props.tile}`}
            />
          </Dropdown>
        </span>
      }
    >
      {props.children}
    </Card>
  );
}
