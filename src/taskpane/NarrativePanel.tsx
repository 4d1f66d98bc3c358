import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Divider,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { Spinner } from './Spinner';
import type { Block, NarrativeDraft, Run } from '../core/narrative/blocks';
import type { DocumentSection, NumberChange, OpenedWorkbook, PaneDraft, PaneNarrativeCheck, WordTarget } from './engine';
import { ErrorBar } from './ErrorBar';
import { cellsLabel, useFindingStyles } from './cardStyles';
import { FindingCard } from './FindingCard';
import { bySeverity } from './severity';
import { NARRATIVE_ACCEPT, useNarrative } from './useNarrative';
import { useRovingFocus } from './useRovingFocus';
import { copyDraft } from './copyDraft';

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
      <span data-roving="" className={styles.number} data-fact={run.factKey} data-cells={cells}>
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

/**
 * The draft as headings and paragraphs; brought into view (focused) when it appears. Its numbers are
 * one tab stop: the arrow keys move between them, each showing its cells.
 */
function DraftView({ draft }: { draft: NarrativeDraft }) {
  const styles = useStyles();
  const title = useRef<HTMLHeadingElement>(null);
  const roving = useRovingFocus<HTMLElement>();
  useEffect(() => title.current?.focus(), [draft]);
  return (
    <article className={styles.draft} aria-label="情况说明草稿" {...roving.props}>
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

/** In Word: the draft into the document — at the cursor, or in place of a section — and 刷新数字. */
function WordActions({ word, draft }: { word: WordTarget; draft: NarrativeDraft | null }) {
  const styles = useStyles();
  const [sections, setSections] = useState<DocumentSection[] | null>(null);
  const [heading, setHeading] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; changes?: NumberChange[] } | null>(null);
  const run = async (what: string, f: () => Promise<string | { text: string; changes: NumberChange[] }>) => {
    setBusy(true);
    setResult(null);
    try {
      const r = await f();
      setResult(typeof r === 'string' ? { ok: true, text: r } : { ok: true, ...r });
    } catch (e) {
      setResult({ ok: false, text: `${what}失败：${(e instanceof Error ? e.message : String(e)).split(' / ')[0]}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.section} aria-label="写入 Word 文档">
      <Subtitle2 as="h2">写入当前 Word 文档</Subtitle2>
      <Caption1 className={styles.muted}>草稿按公文格式插入；每个数字带有来源单元格，表格改动后可“刷新数字”。</Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!draft || busy} onClick={() => void run('插入', async () => `已插入 ${(await word.insert(draft!)).paragraphs} 段。`)}>
          插入到光标处
        </Button>
        <Button disabled={!draft || busy} onClick={() => void run('刷新数字', async () => {
          const changes = await word.refresh(draft!);
          return { text: changes.length ? `已刷新 ${changes.filter((c) => c.after !== null).length} 个数字。` : '文档中的数字都是最新的。', changes };
        })}>
          刷新数字
        </Button>
        <Button disabled={busy} onClick={() => void run('读取章节', async () => {
          const list = await word.sections();
          setSections(list);
          setHeading(list[0]?.text ?? '');
          return list.length ? `文档中有 ${list.length} 个标题。` : '文档中没有识别到标题。';
        })}>
          读取文档章节
        </Button>
      </div>
      {sections && sections.length > 0 && (
        <div className={styles.actions}>
          <Field label="替换章节">
            <Select value={heading} onChange={(_, d) => setHeading(d.value)}>
              {sections.map((s) => (
                <option key={s.index} value={s.text}>
                  {s.text}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={!draft || busy || !heading} onClick={() => void run('替换章节', async () => {
            const r = await word.replace(heading, draft!);
            return `已用草稿替换“${heading}”（删去 ${r.removed} 段，写入 ${r.paragraphs} 段）。`;
          })}>
            用草稿替换
          </Button>
        </div>
      )}
      {busy && <Spinner size="tiny" label="正在写入 Word…" />}
      {result && (
        <MessageBar intent={result.ok ? 'success' : 'error'} layout="multiline">
          <MessageBarBody>
            {result.text}
            {result.changes && result.changes.length > 0 && (
              <ul className={styles.unresolvedList} aria-label="刷新的数字">
                {result.changes.map((c, i) => (
                  <li key={i}>
                    <Caption1>
                      {c.cells.join('、')}：{c.before} → {c.after ?? '（草稿中已无此数，未改）'}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

export interface NarrativePanelProps {
  book: OpenedWorkbook;
  fileName: string;
  /** In Word: the open document the draft goes into. */
  word?: WordTarget | null;
}

/**
 * The 情况说明 tab: draft (and download as .docx), and check a narrative file against the workbook.
 * Loaded on demand (its tooltips and accordion stay out of the first bundle).
 */
export default function NarrativePanel({ book, fileName, word }: NarrativePanelProps) {
  const styles = useStyles();
  const [copied, setCopied] = useState<string | null>(null);
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
          <Button
            onClick={() => {
              if (drafted) void copyDraft(drafted.draft).then((ok) => setCopied(ok ? '已复制全文（带格式），可粘贴到 Word 或 WPS。' : '浏览器不允许复制，请改用下载。'));
            }}
            disabled={!drafted}
          >
            复制全文
          </Button>
        </div>
        {copied && <Caption1 role="status">{copied}</Caption1>}
        {draft.status === 'drafting' && <Spinner size="tiny" label="正在起草…" />}
        {download.status === 'saving' && <Spinner size="tiny" label="正在生成 Word 文档…" />}
        {draft.status === 'error' && <ErrorBar title="无法起草" message={draft.message} />}
        {download.status === 'error' && <ErrorBar title="无法下载 Word 文档" message={download.message} />}
        {draft.status === 'done' && <DraftSummary result={draft.result} />}
      </section>

      {word && (
        <>
          <Divider />
          <WordActions word={word} draft={drafted?.draft ?? null} />
        </>
      )}

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
