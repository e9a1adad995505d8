import type { AssessmentImport, CriteriaSet } from '@shared/schemas/criteria';
import { App, Button, Card, Input, Space, Table } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang } from '../i18n';
import { uploadXlsx } from './api';
import { WhyDisabled } from '../ui/WhyDisabled';

/** The template (the set's criteria as columns), then the file: a preview with row errors, all rows or only the valid ones. */
export function ImportCard({ set }: { set: CriteriaSet }) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [period, setPeriod] = useState(set.periods.at(-1) ?? String(new Date().getFullYear()));
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<AssessmentImport | null>(null);
  const valid = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(period);
  const run = async (path: string, f: File) => {
    try {
      const out = await uploadXlsx(`/criteria/sets/${set.id}/${path}`, f, lang);
      setResult(out);
      if (out.committed) {
        void message.success(t('criteria.imported', { count: out.written }));
        for (const k of ['criteria-matrix', 'criteria-trend', 'criteria-sets', 'criteria-assessment'])
          await qc.invalidateQueries({ queryKey: [k] });
      }
    } catch (e) {
      setResult(null);
      void message.error((e as Error).message);
    }
  };
  const p = encodeURIComponent(period);
  return (
    <Card data-testid="criteria-import">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('criteria.period')}</span>
        <Input
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
          status={valid ? undefined : 'error'}
          style={{ width: 110 }}
          data-testid="criteria-import-period"
        />
        <a
          href={valid ? `/api/v1/criteria/sets/${set.id}/template.xlsx?period=${p}` : undefined}
          data-testid="criteria-template"
        >
          {t('criteria.template')}
        </a>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <input
          type="file"
          accept=".xlsx"
          aria-label={t('criteria.chooseFile')}
          data-testid="criteria-file"
          disabled={!valid}
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            if (f) void run(`import/preview?period=${p}`, f);
          }}
        />
        <WhyDisabled
          reason={
            !file
              ? t('unitScreens.chooseFileFirst')
              : !result
                ? t('unitScreens.checkFirst')
                : result.committed && t('unitScreens.alreadyImported')
          }
        >
          <Button
            type="primary"
            disabled={!file || !result || result.committed}
            onClick={() => file && void run(`import?period=${p}&mode=all`, file)}
            data-testid="criteria-import-all"
          >
            {t('criteria.importAll')}
          </Button>
        </WhyDisabled>
        <Button
          disabled={!file || !result || result.committed || result.valid === 0}
          onClick={() => file && void run(`import?period=${p}&mode=valid`, file)}
        >
          {t('criteria.importValid')}
        </Button>
        {result && <span data-testid="criteria-import-summary">{t('criteria.rowsSummary', result)}</span>}
      </Space>
      <p style={{ color: '#666' }}>{t('criteria.importHint')}</p>
      {result && result.valid < result.total && (
        <Table
          size="small"
          rowKey="row"
          pagination={false}
          dataSource={result.rows.filter((x) => x.errors.length)}
          columns={[
            { title: t('criteria.row'), dataIndex: 'row', width: 70 },
            { title: t('criteria.unitCode'), dataIndex: 'unitCode', width: 160 },
            {
              title: t('criteria.errors'),
              render: (_, x) => x.errors.map((e) => `${e.column}: ${e.message}`).join('; '),
            },
          ]}
        />
      )}
    </Card>
  );
}
