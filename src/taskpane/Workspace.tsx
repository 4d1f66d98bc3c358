import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Badge, Body1, Divider, makeStyles, mergeClasses, Spinner, Subtitle2, Tab, TabList, tokens } from '@fluentui/react-components';
import type { CellPointer, CheckReport, Severity } from '../core/findings';
import type { OpenedWorkbook } from './engine';
import { ErrorBoundary } from './ErrorBar';
import { FindingsList, type OnJump } from './FindingsList';
import { SEVERITIES } from './severity';
import { TablesList, UnrecognizedList } from './TablesList';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  tableScroll: { overflowX: 'auto' },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  /** The `hidden` attribute alone loses to the panel's display: flex. */
  hidden: { display: 'none' },
});

type View = 'check' | 'fill' | 'narrative';

/** The 情况说明 tab, loaded once a workbook is open. */
const NarrativePanel = lazy(() => import(/* webpackChunkName: "narrative" */ './NarrativePanel'));
/** The 填写 tab, loaded once a workbook is open. */
const FillPanel = lazy(() => import(/* webpackChunkName: "fill" */ './FillPanel'));

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
function ReportView({ report, sheets, onJump, top }: { report: CheckReport; sheets: readonly string[]; onJump?: OnJump; top?: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section}>
        <Subtitle2>检查结果</Subtitle2>
        {report.findings.length === 0 ? <Body1>未发现问题。</Body1> : <FindingCounts report={report} />}
      </section>
      {top}
      <FindingsList report={report} sheets={sheets} onJump={onJump} />
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

export interface WorkspaceProps {
  book: OpenedWorkbook;
  /** Tells one opening from the next: a new workbook starts with the filters and lists reset. */
  openId: number;
  fileName: string;
  /** Where fills go: into the open workbook, or into a downloaded copy of the local file. */
  target: 'excel' | 'file';
  /** Selects cells in the open workbook (Excel only). */
  onJump?: (cells: readonly CellPointer[]) => void;
  /** Shown above the findings (the selected cells' findings, the ones just fixed). */
  top?: ReactNode;
}

/** The tabs of an opened workbook: 检查结果, 填写, 情况说明. Every panel stays mounted once shown. */
export function Workspace({ book, openId, fileName, target, onJump, top }: WorkspaceProps) {
  const styles = useStyles();
  const jumpToFinding: OnJump = onJump && ((f) => onJump(f.cells));
  const [view, setView] = useState<View>('check');
  const [seen, setSeen] = useState<ReadonlySet<View>>(new Set(['check']));
  const select = (v: View) => {
    setView(v);
    setSeen((s) => (s.has(v) ? s : new Set([...s, v])));
  };
  const panel = (v: View, children: ReactNode) => (
    <div
      id={`panel-${v}`}
      role="tabpanel"
      aria-labelledby={`tab-${v}`}
      className={mergeClasses(styles.panel, view !== v && styles.hidden)}
      hidden={view !== v}
    >
      {children}
    </div>
  );
  return (
    <>
      <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, data) => select(data.value as View)} aria-label="视图">
        <Tab id="tab-check" value="check" aria-controls="panel-check">
          检查结果
        </Tab>
        <Tab id="tab-fill" value="fill" aria-controls="panel-fill">
          填写
        </Tab>
        <Tab id="tab-narrative" value="narrative" aria-controls="panel-narrative">
          情况说明
        </Tab>
      </TabList>
      {panel('check', <ReportView key={openId} report={book.report} sheets={book.sheets} onJump={jumpToFinding} top={top} />)}
      {seen.has('fill') &&
        panel(
          'fill',
          <ErrorBoundary key={openId} title="填写功能出错">
            <Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>
              <FillPanel source={book.fills} fileName={fileName} target={target} onJump={onJump} />
            </Suspense>
          </ErrorBoundary>,
        )}
      {panel(
        'narrative',
        <ErrorBoundary key={openId} title="情况说明功能出错">
          <Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>
            <NarrativePanel book={book} fileName={fileName} />
          </Suspense>
        </ErrorBoundary>,
      )}
    </>
  );
}

