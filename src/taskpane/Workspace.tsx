import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Body1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { Spinner } from './Spinner';
import { Badge } from './Badge';
import { countFindings } from '../core/findings/group';
import type { CheckReport } from '../core/findings/report';
import type { CellPointer } from '../core/findings/types';
import type { OpenedWorkbook, WordTarget } from './engine';
import { ErrorBoundary } from './ErrorBar';
import { FindingsList, type OnJump } from './FindingsList';
import type { CardReview } from './cardReview';
import { Tabs } from './Tabs';
import { TablesList, UnrecognizedList } from './TablesList';
import { useReview, type ReviewModel } from './useReview';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  /** The `hidden` attribute alone loses to the panel's display: flex. */
  hidden: { display: 'none' },
  /** A rule between sections (Fluent's Divider is more than the first bundle needs for a line). */
  rule: { width: '100%', margin: 0, border: 'none', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

export type View = 'check' | 'fill' | 'review' | 'narrative';

const TABS: { value: View; label: string }[] = [
  { value: 'check', label: '检查结果' },
  { value: 'fill', label: '填写' },
  { value: 'review', label: '审核' },
  { value: 'narrative', label: '情况说明' },
];

/** The tabs past the first, each loaded when first shown. */
const NarrativePanel = lazy(() => import(/* webpackChunkName: "narrative" */ './NarrativePanel'));
const FillPanel = lazy(() => import(/* webpackChunkName: "fill" */ './FillPanel'));
const ReviewPanel = lazy(() => import(/* webpackChunkName: "review" */ './ReviewPanel'));

const COUNTS = [
  ['error', '错误', 'danger'],
  ['warning', '警告', 'warning'],
  ['rounding', '尾差', 'subtle'],
  ['info', '提示', 'informative'],
] as const;

/** 错误 / 警告 / 尾差 / 提示, the 尾差 apart from the other warnings. */
function FindingCounts({ report }: { report: CheckReport }) {
  const styles = useStyles();
  const counts = countFindings(report.findings.filter((f) => f.source !== 'narrative'));
  return (
    <div className={styles.counts} aria-label="问题统计">
      {COUNTS.map(([kind, label, color]) => (
        // none of a kind: a neutral outline (the subtle colour's outline would be white on white)
        <Badge key={kind} appearance={counts[kind] > 0 ? (kind === 'rounding' ? 'tint' : 'filled') : 'outline'} color={counts[kind] > 0 ? color : 'informative'} size="large" data-kind={kind}>
          {label} {counts[kind]}
        </Badge>
      ))}
    </div>
  );
}

/** The review as the cards need it: each finding's status, what the person may do (the core's rule), the action. */
function cardReview(model: ReviewModel, book: OpenedWorkbook): CardReview | undefined {
  const view = model.view;
  if (!view) return undefined;
  return {
    reviewOf: (id) => view.byId.get(id)?.review,
    allowed: (status) => book.review.allowed(status, model.actor.role),
    act: (ids, action) => model.act(ids, action),
    actorName: model.actor.name,
    setActorName: (name) => model.setActor({ ...model.actor, name }),
    problem: model.problem,
  };
}

function ReportView(props: { report: CheckReport; sheets: readonly string[]; titles: Record<string, string>; onJump?: OnJump; top?: ReactNode; review?: CardReview }) {
  const { report, sheets, titles, onJump, top, review } = props;
  const styles = useStyles();
  const findings = useMemo(() => report.findings.filter((f) => f.source !== 'narrative'), [report]);
  return (
    <>
      <section className={styles.section}>
        <Subtitle2 as="h2">检查结果</Subtitle2>
        {findings.length === 0 ? <Body1>未发现问题。</Body1> : <FindingCounts report={report} />}
      </section>
      {top}
      <FindingsList findings={findings} sheets={sheets} titles={titles} onJump={onJump} review={review} />
      <hr className={styles.rule} />
      <section className={styles.section}>
        <Subtitle2 as="h2">已识别的表格（{report.tables.length}）</Subtitle2>
        <TablesList tables={report.tables} />
      </section>
      {report.unrecognized.length > 0 && (
        <>
          <hr className={styles.rule} />
          <section className={styles.section}>
            <Subtitle2 as="h2">未识别的工作表（{report.unrecognized.length}）</Subtitle2>
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
  /** Where fills and the review go: into the open workbook, or into a downloaded copy of the local file. */
  target: 'excel' | 'file';
  /** Selects cells in the open workbook (Excel only). */
  onJump?: (cells: readonly CellPointer[]) => void;
  /** Shown above the findings (the selected cells' findings, the ones just fixed). */
  top?: ReactNode;
  /** A local file checked again with new settings: its new opened workbook. */
  onRechecked?: (book: OpenedWorkbook) => void;
  /** In Word: the open document the 情况说明 goes into. */
  word?: WordTarget | null;
  initialView?: View;
}

/** The tabs of an opened workbook: 检查结果, 填写, 审核, 情况说明. Every panel stays mounted once shown. */
export function Workspace({ book, openId, fileName, target, onJump, top, onRechecked, word, initialView = 'check' }: WorkspaceProps) {
  const styles = useStyles();
  const jumpToFinding: OnJump = onJump && ((f) => onJump(f.cells));
  const [view, setView] = useState<View>(initialView);
  const [seen, setSeen] = useState<ReadonlySet<View>>(new Set(['check', initialView]));
  const [fillValues, setFillValues] = useState<boolean | null>(null);
  const review = useReview(book, target, openId, (next) => {
    if (next) onRechecked?.(next);
  });
  const values = fillValues ?? review.settings.fillMode === 'values';
  const select = (v: View) => {
    setView(v);
    setSeen((s) => (s.has(v) ? s : new Set([...s, v])));
  };
  const panel = (v: View, children: ReactNode) => (
    <div id={`panel-${v}`} role="tabpanel" aria-labelledby={`tab-${v}`} className={mergeClasses(styles.panel, view !== v && styles.hidden)} hidden={view !== v}>
      {children}
    </div>
  );
  const lazyPanel = (v: View, title: string, children: ReactNode) =>
    seen.has(v) &&
    panel(
      v,
      <ErrorBoundary key={openId} title={title}>
        <Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>{children}</Suspense>
      </ErrorBoundary>,
    );
  return (
    <>
      <Tabs className={styles.tabs} label="视图" tabs={TABS} selected={view} onSelect={select} />
      {panel('check', <ReportView key={openId} report={book.report} sheets={book.sheets} titles={book.titles} onJump={jumpToFinding} top={top} review={cardReview(review, book)} />)}
      {lazyPanel('fill', '填写功能出错', <FillPanel inputs={book.fills} fileName={fileName} target={target} onJump={onJump} values={values} onValues={setFillValues} />)}
      {lazyPanel('review', '审核功能出错', <ReviewPanel model={review} fileName={fileName} target={target} fillDefault={setFillValues} />)}
      {lazyPanel('narrative', '情况说明功能出错', <NarrativePanel book={book} fileName={fileName} word={word} />)}
    </>
  );
}
