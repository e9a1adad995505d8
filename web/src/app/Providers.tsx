import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import arEG from 'antd/locale/ar_EG';
import enGB from 'antd/locale/en_GB';
import viVN from 'antd/locale/vi_VN';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dirOf, isLang, type Lang } from '../i18n';

const ANT_LOCALE = { vi: viVN, en: enGB, ar: arEG };

/** Data cache, Ant Design theme, locale and direction (Arabic mirrors every component). */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            // Weak networks: retry twice, but never a refused or missing resource.
            retry: (n, e) => n < 2 && ((e as { status?: number }).status ?? 0) === 0,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider
        locale={ANT_LOCALE[lang]}
        direction={dirOf(lang)}
        theme={{
          algorithm: theme.defaultAlgorithm,
          token: {
            colorPrimary: '#b71c1c',
            borderRadius: 6,
            fontFamily:
              lang === 'ar'
                ? "'Noto Sans Arabic', 'Noto Sans', system-ui, sans-serif"
                : "'Noto Sans', 'Segoe UI', Roboto, system-ui, sans-serif",
          },
        }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
