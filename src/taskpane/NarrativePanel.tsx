import { useEffect, useRef, type ChangeEvent } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Divider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import type { Block, NarrativeDraft, Run } from '../core/narrative/blocks';
import type { OpenedWorkbook, PaneDraft, PaneNarrativeCheck } from './engine';
import { ErrorBar } from './ErrorBar';
import { cellsLabel, FindingCard, useFindingStyles } from './FindingCard';
import { bySeverity } from './severity';
import { NARRATIVE_ACCEPT, useNarrative } from './useNarrative';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hiddenInput: { display: 'none' },

  draft: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: 'anywhere',
  },
  draftTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'center',
    ':focus': { outline: 'none' },
  },
  heading: { margin: `${tokens.spacingVerticalS} 0 0`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  heading1: { fontSize: tokens.fontSizeBase400 },
  paragraph: { margin: 0, fontSize: tokens.fontSizeBase300, textIndent: '2em' },

  number: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    borderBottom: `${tokens.strokeWidthThin} dotted ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 1px`,
    cursor: 'help',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  tooltipKey: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },

  slot: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 2px`,
  },
  slotTag: {
    display: 'inline-block',
    textIndent: 0,
    marginRight: '2px',
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    fontWeight: tokens.fontWeightSemibold,
    verticalAlign: 'text-top',
  },
  tagTodo: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  tagSuggest: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  tagConfirm: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground1 },

  unresolvedList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const SLOT_KINDS: Record<Extract<Run, { type: 'slot' }>['kind'], string> = { reason: '原因', use: '用途', input: '表外数据' };

function NumberRun({ run }: { run: Extract<Run, { type: 'number' }> }) {
  const styles = useStyles();
  const cells = cellsLabel(run.cells);
  return (
    <Tooltip
      relationship="description"
      withArrow
      content={
        <>
          来源：{cells}
          <span className={styles.tooltipKey}>{run.factKey}</span>
        </>
      }
    >
      <span tabIndex={0} className={styles.number} data-fact={run.factKey} data-cells={cells}>
        {run.text}
      </span>
    </Tooltip>
  );
}

/** A slot: highlighted, tagged 待填写 (empty), 建议 (a suggestion to confirm) or 待确认 (given outside the tables). */
function SlotRun({ run }: { run: Extract<Run, { type: 'slot' }> }) {
  const styles = useStyles();
  const [tag, tagClass, what] = !run.text
    ? (['待填写', styles.tagTodo, '请填写'] as const)
    : run.suggestion
      ? (['建议', styles.tagSuggest, '按表中数据拟写的建议，请确认或修改'] as const)
      : (['待确认', styles.tagConfirm, '来自表外的数据，请确认'] as const);
  return (
    <mark className={styles.slot} data-slot={run.kind} title={`${tag}（${SLOT_KINDS[run.kind]}）：${what}`}>
      <span className={mergeClasses(styles.slotTag, tagClass)}>{tag}</span>【{run.label}
      {run.text ? `：${run.text}` : ''}】
    </mark>
  );
}

function RunView({ run }: { run: Run }) {
  if (run.type === 'number') return <NumberRun run={run} />;
  if (run.type === 'slot') return <SlotRun run={run} />;
  return <>{run.text}</>;
}

function BlockView({ block }: { block: Block }) {
  const styles = useStyles();
  if (block.type === 'heading') {
    const Tag = block.level === 1 ? 'h3' : block.level === 2 ? 'h4' : 'h5';
    return <Tag className={mergeClasses(styles.heading, block.level === 1 && styles.heading1)}>{block.text}</Tag>;
  }
  return (
    <p className={styles.paragraph}>
      {block.runs.map((run, i) => (
        <RunView key={i} run={run} />
      ))}
    </p>
  );
}

/** The draft as headings and paragraphs; brought into view (focused) when it appears. */
function DraftView({ draft }: { draft: NarrativeDraft }) {
  const styles = useStyles();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [draft]);
  return (
    <article className={styles.draft} aria-label="情况说明草稿">
      <h2 ref={title} tabIndex={-1} className={styles.draftTitle}>
        {draft.title}
      </h2>
      {draft.blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </article>
  );
}

function DraftSummary({ result }: { result: PaneDraft }) {
  const { stats } = result;
  if (result.draft.blocks.length === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>未识别到部门决算公开表或绩效自评表，无法起草。</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <Caption1>
      草稿共 {stats.headings} 个标题、{stats.numbers} 个数字（均可追溯到单元格）、{stats.slots} 处待填写或确认（已高亮）。
    </Caption1>
  );
}

/** A message with the quote it names in bold (the quote put first when the message does not repeat it). */
function QuotedMessage({ message, quote }: { message: string; quote?: string }) {
  const styles = useFindingStyles();
  const at = quote ? message.indexOf(quote) : -1;
  if (!quote) return <>{message}</>;
  if (at < 0) {
    return (
      <>
        <span className={styles.quote}>“{quote}”</span> {message}
      </>
    );
  }
  return (
    <>
      {message.slice(0, at)}
      <span className={styles.quote}>{quote}</span>
      {message.slice(at + quote.length)}
    </>
  );
}

function CheckResultView({ fileName, result }: { fileName: string; result: PaneNarrativeCheck }) {
  const styles = useStyles();
  const findingStyles = useFindingStyles();
  const sorted = [...result.findings].sort(bySeverity);
  const errors = sorted.filter((f) => f.severity === 'error').length;
  const warnings = sorted.filter((f) => f.severity === 'warning').length;
  return (
    <div className={styles.section} aria-label="情况说明核对结果" role="region">
      <Caption1>
        “{fileName}”：{result.checked} 个数字已与表中数据核对，{errors} 处错误、{warnings} 处警告。
      </Caption1>
      {sorted.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>已核对的数字与表格一致。</MessageBarBody>
        </MessageBar>
      ) : (
        <ul className={findingStyles.findings} aria-label="核对发现的问题">
          {sorted.map((f, i) => (
            <FindingCard key={i} finding={f} actualLabel="说明中写作" />
          ))}
        </ul>
      )}
      {result.unresolved.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="unresolved">
            <AccordionHeader size="small">未能核对的数字（{result.unresolved.length}）</AccordionHeader>
            <AccordionPanel>
              <Caption1 className={styles.muted}>这些数字未能与表中数据对应（如年初预算、上年数），没有核对，请人工确认。</Caption1>
              <ul className={styles.unresolvedList} aria-label="未能核对的数字">
                {result.unresolved.map((f, i) => (
                  <li key={i}>
                    <Caption1>
                      <QuotedMessage message={f.message} quote={f.quote} />
                    </Caption1>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}

export interface NarrativePanelProps {
  book: OpenedWorkbook;
  fileName: string;
}

/**
 * The 情况说明 tab: draft (and download as .docx), and check a narrative file against the workbook.
 * Loaded on demand (its tooltips and accordion stay out of the first bundle).
 */
export default function NarrativePanel({ book, fileName }: NarrativePanelProps) {
  const styles = useStyles();
  const { draft, makeDraft, download, downloadDocx, check, checkFile } = useNarrative(book, fileName);
  const input = useRef<HTMLInputElement>(null);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void checkFile(file);
  };

  const drafted = draft.status === 'done' && draft.result.draft.blocks.length > 0 ? draft.result : null;

  return (
    <>
      <section className={styles.section} aria-label="起草情况说明">
        <Subtitle2>起草</Subtitle2>
        <Caption1 className={styles.muted}>
          按表格数据起草情况说明：数字均可追溯到单元格；原因、上年数等表中没有的内容留作高亮的待填写项。工作簿中的“上年数及其他”表会自动读取。
        </Caption1>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void makeDraft()} disabled={draft.status === 'drafting'}>
            {draft.status === 'done' ? '重新生成草稿' : '生成草稿'}
          </Button>
          <Button onClick={() => void downloadDocx()} disabled={!drafted || download.status === 'saving'}>
            下载 Word (.docx)
          </Button>
        </div>
        {draft.status === 'drafting' && <Spinner size="tiny" label="正在起草…" />}
        {download.status === 'saving' && <Spinner size="tiny" label="正在生成 Word 文档…" />}
        {draft.status === 'error' && <ErrorBar title="无法起草" message={draft.message} />}
        {download.status === 'error' && <ErrorBar title="无法下载 Word 文档" message={download.message} />}
        {draft.status === 'done' && <DraftSummary result={draft.result} />}
      </section>

      <Divider />

      <section className={styles.section} aria-label="核对情况说明">
        <Subtitle2>核对情况说明</Subtitle2>
        <Caption1 className={styles.muted}>选择写好的情况说明（.docx，或 UTF-8 编码的 .txt），核对其中的金额、占比和增长率是否与表格一致。</Caption1>
        <div className={styles.actions}>
          <Button onClick={() => input.current?.click()} disabled={check.status === 'checking'}>
            选择情况说明文件（.txt/.docx）
          </Button>
          <input ref={input} className={styles.hiddenInput} type="file" accept={NARRATIVE_ACCEPT} onChange={onFile} aria-label="选择情况说明文件" />
        </div>
        {check.status === 'checking' && <Spinner size="tiny" label={`正在核对“${check.fileName}”…`} />}
        {check.status === 'error' && <ErrorBar title="无法核对情况说明" message={check.message} />}
        {check.status === 'done' && <CheckResultView fileName={check.fileName} result={check.result} />}
      </section>

      {drafted && (
        <>
          <Divider />
          <DraftView draft={drafted.draft} />
        </>
      )}
    </>
  );
}
