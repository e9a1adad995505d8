import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { changeLang, isLang, LANG_LABEL, LANGS, type Lang } from '../i18n';

/** Vietnamese, English, Arabic; remembered on this device and, when signed in, on the account. */
export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const current: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  async function pick(lang: Lang) {
    await changeLang(lang);
    if (signedIn)
      await api('/auth/me/preferences', { method: 'PUT', body: { locale: lang } }).catch(() => undefined);
    // Names, labels and messages the server localised are asked again in the new language.
    void qc.invalidateQueries();
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [current],
        items: LANGS.map((l) => ({
          key: l,
          label: (
            <span data-testid={`lang-option-${l}`} lang={l}>
              {LANG_LABEL[l]}
            </span>
          ),
        })),
        onClick: ({ key }) => void pick(key as Lang),
      }}
    >
      <Button icon={<GlobalOutlined />} data-testid="lang-switch" aria-label={t('common.language')}>
        <span className="hide-on-phone">{LANG_LABEL[current]}</span>
      </Button>
    </Dropdown>
  );
}
