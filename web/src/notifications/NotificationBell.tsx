import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkRead, useNotifications } from '../api/cycle';
import { EmailPrefs } from './EmailPrefs';
import { isLang, type Lang } from '../i18n';
import { DEFAULT_ZONE, formatDateTime } from '../i18n/format';

/** The bell: unread count polled each minute, the latest notifications, each a link to what it is about. */
/** Times in the zone of the programme in view (the bell lists notifications of every programme). */
export function NotificationBell({ timeZone = DEFAULT_ZONE }: { timeZone?: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const list = useNotifications();
  const mark = useMarkRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [prefs, setPrefs] = useState(false);
  const unread = list.data?.unread ?? 0;
  const content = (
    <div style={{ width: 360, maxWidth: '90vw' }} data-testid="bell-list">
      <List
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('bell.empty') }}
        style={{ maxHeight: 420, overflow: 'auto' }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : undefined, fontWeight: n.read ? 400 : 600 }}
            onClick={() => {
              if (!n.read) mark.mutate([n.id]);
              if (n.link) {
                setOpen(false);
                navigate(n.link);
              }
            }}
          >
            <div>
              <div>{n.text}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt, lang, timeZone)}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {unread > 0 && (
        <Button type="link" onClick={() => mark.mutate('all')}>
          {t('bell.markAll')}
        </Button>
      )}
      <Button
        type="link"
        onClick={() => {
          setOpen(false);
          setPrefs(true);
        }}
      >
        {t('bell.emailSettings')}
      </Button>
    </div>
  );
  return (
    <>
      <EmailPrefs open={prefs} onClose={() => setPrefs(false)} />
      <Popover
        content={content}
        title={t('bell.title')}
        trigger="click"
        open={open}
        onOpenChange={setOpen}
        placement="bottomRight"
      >
        <Badge count={unread} size="small" data-testid="bell-count">
          <Button icon={<BellOutlined />} aria-label={t('bell.title')} data-testid="bell" />
        </Badge>
      </Popover>
    </>
  );
}
