/// <reference types="office-js" />
import { useRef, type ChangeEvent } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import type { CheckReport, Severity } from '../core/report';
import { TablesList, UnrecognizedList } from './TablesList';
import { useWorkbookReport } from './useWorkbookReport';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  subtitle: { color: tokens.colorNeutralForeground3 },
  picker: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hiddenInput: { display: 'none' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  tableScroll: { overflowX: 'auto' },
});

const SEVERITIES: { severity: Severity; label: string; color: 'danger' | 'warning' | 'informative' }[] = [
  { severity: 'error', label: '错误', color: 'danger' },
  { severity: 'warning', label: '警告', color: 'warning' },
  { severity: 'info', label: '提示', color: 'informative' },
];

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function FindingCounts({ report }: { report: CheckReport }) {
  const styles = useStyles();
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return (
    <div className={styles.counts} aria-label="问题统计">
      {SEVERITIES.map(({ severity, label, color }) => (
        <Badge key={severity} appearance={counts[severity] > 0 ? 'filled' : 'outline'} color={color} size="large">
          {label} {counts[severity]}
        </Badge>
      ))}
    </div>
  );
}

function ReportView({ report }: { report: CheckReport }) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section}>
        <Subtitle2>检查结果</Subtitle2>
        {report.findings.length === 0 ? <Body1>未发现问题。</Body1> : <FindingCounts report={report} />}
      </section>
      <Divider />
      <section className={styles.section}>
        <Subtitle2>已识别的表格（{report.tables.length}）</Subtitle2>
        <div className={styles.tableScroll}>
          <TablesList tables={report.tables} />
        </div>
      </section>
      {report.unrecognized.length > 0 && (
        <>
          <Divider />
          <section className={styles.section}>
            <Subtitle2>未识别的工作表（{report.unrecognized.length}）</Subtitle2>
            <UnrecognizedList sheets={report.unrecognized} />
          </section>
        </>
      )}
    </>
  );
}

export interface AppProps {
  /** Office host once Office.onReady has resolved; `null` outside Office; undefined while not yet known. */
  host?: Office.HostType | null;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  const { state, open } = useWorkbookReport();
  const input = useRef<HTMLInputElement>(null);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Clear the input so choosing the same file again fires another change.
    e.target.value = '';
    if (file) void open(file);
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">决算公开助手</Title3>
        <Caption1 className={styles.subtitle}>部门决算公开表与绩效自评表的识别和校验</Caption1>
      </header>

      <div className={styles.picker}>
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={state.status === 'loading'}>
          打开本地工作簿（.xlsx）
        </Button>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept={XLSX_ACCEPT}
          onChange={onFile}
          aria-label="选择本地工作簿"
        />
        {state.status === 'done' && <Caption1>{state.fileName}</Caption1>}
      </div>
      {host === null && state.status === 'idle' && (
        <Caption1 className={styles.subtitle}>当前未在 Excel 中运行：可打开本地文件进行检查（适用于 WPS 用户）。</Caption1>
      )}

      {state.status === 'loading' && <Spinner size="small" label={`正在分析“${state.fileName}”…`} />}

      {state.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>无法完成检查</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.status === 'done' && <ReportView report={state.report} />}
    </main>
  );
}
