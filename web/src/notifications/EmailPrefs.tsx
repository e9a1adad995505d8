import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { List, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

type Pref = { kind: string; label: string; email: boolean };

/** Which notifications also come by e-mail: each user chooses, kind by kind. */
export function EmailPrefs({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const prefs = useQuery({
    queryKey: ['prefs'],
    queryFn: () => api<Pref[]>('/me/notification-prefs'),
    enabled: open,
  });
  const set = useMutation({
    mutationFn: (p: { kind: string; email: boolean }) =>
      api<Pref[]>('/me/notification-prefs', { method: 'PUT', body: { prefs: [p] } }),
    onSuccess: (data) => qc.setQueryData(['prefs'], data),
  });
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('bell.emailTitle')}>
      <List
        loading={prefs.isPending}
        dataSource={prefs.data ?? []}
        renderItem={(p) => (
          <List.Item
            extra={
              <Switch
                checked={p.email}
                loading={set.isPending && set.variables?.kind === p.kind}
                onChange={(email) => set.mutate({ kind: p.kind, email })}
                aria-label={p.label}
                data-testid={`pref-${p.kind}`}
              />
            }
          >
            {p.label}
          </List.Item>
        )}
      />
    </Modal>
  );
}
