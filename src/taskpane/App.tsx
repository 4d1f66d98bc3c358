/// <reference types="office-js" />
import { lazy, Suspense, useRef, useState, type ChangeEvent } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Divider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  tokens,
} from '@fluentui/react-components';
import type { CheckReport, Severity } from '../core/findings';
import { ErrorBoundary } from './ErrorBar';
import { FindingsList } from './FindingsList';
import { SEVERITIES } from './severity';
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
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  /** The `hidden` attribute alone loses to the panel's display: flex. */
  hidden: { display: 'none' },
});

type View = 'check' | 'narrative';

/** The 情况说明 tab, loaded once a workbook is open. */
const NarrativePanel = lazy(() => import(/* webpackChunkName: "narrative" */ './NarrativePanel'));

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

/** `sheets`: the workbook's sheet names in workbook order, the order the findings are listed in. */
function ReportView({ report, sheets }: { report: CheckReport; sheets: readonly string[] }) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section}>
        <Subtitle2>检查结果</Subtitle2>
        {report.findings.length === 0 ? <Body1>未发现问题。</Body1> : <FindingCounts report={report} />}
      </section>
      <FindingsList report={report} sheets={sheets} />
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
  const [view, setView] = useState<View>('check');

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
        <Caption1 className={styles.subtitle}>部门决算公开表与绩效自评表的识别和校验，情况说明的起草与核对</Caption1>
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

      {state.status === 'done' && (
        <>
          <TabList
            className={styles.tabs}
            selectedValue={view}
            onTabSelect={(_, data) => setView(data.value as View)}
            aria-label="视图"
          >
            <Tab id="tab-check" value="check" aria-controls="panel-check">
              检查结果
            </Tab>
            <Tab id="tab-narrative" value="narrative" aria-controls="panel-narrative">
              情况说明
            </Tab>
          </TabList>
          {/* Both panels stay mounted, so a draft or a check survives switching tabs. */}
          <div
            id="panel-check"
            role="tabpanel"
            aria-labelledby="tab-check"
            className={mergeClasses(styles.panel, view !== 'check' && styles.hidden)}
            hidden={view !== 'check'}
          >
            {/* Keyed by the opening: a new workbook starts with the filter and the lists reset. */}
            <ReportView key={state.openId} report={state.report} sheets={state.book.sheets} />
          </div>
          <div
            id="panel-narrative"
            role="tabpanel"
            aria-labelledby="tab-narrative"
            className={mergeClasses(styles.panel, view !== 'narrative' && styles.hidden)}
            hidden={view !== 'narrative'}
          >
            <ErrorBoundary key={state.openId} title="情况说明功能出错">
              <Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>
                <NarrativePanel book={state.book} fileName={state.fileName} />
              </Suspense>
            </ErrorBoundary>
          </div>
        </>
      )}
    </main>
  );
}
