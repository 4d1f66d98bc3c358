import { useState } from 'react';
import {
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Spinner } from './Spinner';
import type { DocumentSettings, RegionPreset } from '../core/review/settings';
import type { ReviewStatus } from '../core/review/types';
import { localTime, STATUS_LABEL } from './ReviewCard';
import type { ReportFormat } from './review';
import type { ReviewModel } from './useReview';
import { saveBytes } from './useNarrative';

/**
 * The 审核 tab: who is acting (name and role, their own statement), the review at a glance (counts
 * by status and kind, who did what, the latest sign-off), signing off (refused while errors are
 * 待处理 or 退回, saying which), the findings report (审核意见) as .xlsx, .docx or HTML, the
 * document's settings, and for a local file the copy that keeps the review (and its marks).
 */

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { tableLayout: 'auto' },
  num: { textAlign: 'end', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  refusal: { color: tokens.colorPaletteRedForeground1 },
});

const STATUS_ORDER: ReviewStatus[] = ['open', 'explained', 'returned', 'accepted', 'fixed'];
const KINDS = [
  ['error', '错误'],
  ['warning', '警告'],
  ['rounding', '尾差'],
  ['info', '提示'],
] as const;

const REGIONS: [RegionPreset | '', string][] = [
  ['', '按表格自动判断'],
  ['hubei', '湖北'],
  ['hunan', '湖南'],
  ['national', '全国通用'],
  ['sichuan', '四川'],
];

const MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
};

const stemOf = (name: string) => name.replace(/\.(xlsx|xlsm)$/i, '').replace(/[\\/:*?"<>|]+/g, '_') || '工作簿';

function Settings({ model, fillDefault }: { model: ReviewModel; fillDefault: (values: boolean) => void }) {
  const styles = useStyles();
  const s = model.settings;
  const [draft, setDraft] = useState<DocumentSettings>(s);
  const save = () => {
    void model.saveSettings(draft);
    fillDefault(draft.fillMode === 'values');
  };
  return (
    <section className={styles.section} aria-label="工作簿设置">
      <Subtitle2 as="h2">工作簿设置</Subtitle2>
      <Caption1 className={styles.muted}>随工作簿保存，所有打开此工作簿的人看到的都一样。地区和科目版本当前仅作记录（表格样式自动识别）；容差与 0/0 的写法立即用于检查。</Caption1>
      <Field label="地区口径（评分规则）">
        <Select value={draft.region ?? ''} onChange={(_, d) => setDraft({ ...draft, region: (d.value || undefined) as RegionPreset | undefined })}>
          {REGIONS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="科目版本（年度）">
        <Input
          type="number"
          value={draft.catalogEdition === undefined ? '' : String(draft.catalogEdition)}
          onChange={(_, d) => setDraft({ ...draft, catalogEdition: d.value ? Number(d.value) : undefined })}
          placeholder="如 2024"
        />
      </Field>
      <Field label="尾差上限（金额单位）" hint="两表数字之差在此以内视为四舍五入造成的尾差，默认 0.05">
        <Input value={draft.tolerance?.maxEnvelope ?? ''} placeholder="0.05" onChange={(_, d) => setDraft({ ...draft, tolerance: { ...draft.tolerance, maxEnvelope: d.value || undefined } })} />
      </Field>
      <Field label="0/0 的执行率写作">
        <RadioGroup layout="horizontal" value={draft.zeroOverZeroRate ?? '100%'} onChange={(_, d) => setDraft({ ...draft, zeroOverZeroRate: d.value as DocumentSettings['zeroOverZeroRate'] })}>
          <Radio value="100%" label="100%" />
          <Radio value="0%" label="0%" />
          <Radio value="blank" label="空白" />
        </RadioGroup>
      </Field>
      <Field label="填写方式">
        <RadioGroup layout="horizontal" value={draft.fillMode ?? 'formulas'} onChange={(_, d) => setDraft({ ...draft, fillMode: d.value as 'formulas' | 'values' })}>
          <Radio value="formulas" label="公式" />
          <Radio value="values" label="数值" />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button onClick={save}>保存设置</Button>
      </div>
    </section>
  );
}

export interface ReviewPanelProps {
  model: ReviewModel;
  fileName: string;
  target: 'excel' | 'file';
  fillDefault: (values: boolean) => void;
}

export default function ReviewPanel({ model, fileName, target, fillDefault }: ReviewPanelProps) {
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const view = model.view;
  if (model.load.status === 'loading') return <Spinner size="tiny" label="正在读取审核记录…" />;
  if (model.load.status === 'error') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>无法读取审核记录</MessageBarTitle>
          {model.load.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!view) return null;
  const s = view.summary;
  const download = async (label: string, make: () => Promise<Uint8Array | null>, name: string, type: string) => {
    setBusy(label);
    setDone(null);
    try {
      const bytes = await make();
      if (bytes) {
        saveBytes(bytes, name, type);
        setDone(`已生成“${name}”。`);
      }
    } finally {
      setBusy(null);
    }
  };
  const stem = stemOf(fileName);
  const sign = async () => {
    if (await model.signOff(comment)) {
      setComment('');
      setDone('已签署。');
    }
  };

  return (
    <>
      <section className={styles.section} aria-label="处理人">
        <Subtitle2 as="h2">处理人</Subtitle2>
        <div className={styles.row}>
          <Field label="姓名">
            <Input value={model.actor.name} onChange={(_, d) => model.setActor({ ...model.actor, name: d.value })} />
          </Field>
          <Field label="身份">
            <RadioGroup layout="horizontal" value={model.actor.role} onChange={(_, d) => model.setActor({ ...model.actor, role: d.value === 'reviewer' ? 'reviewer' : 'preparer' })}>
              <Radio value="preparer" label="编制人" />
              <Radio value="reviewer" label="审核人" />
            </RadioGroup>
          </Field>
        </div>
        <Caption1 className={styles.muted}>
          {model.stored
            ? target === 'excel'
              ? '审核状态保存在工作簿中（随文件保存），其他人打开同一文件可见。'
              : '审核状态随“保存审核记录”写入下载的副本。'
            : '此 Excel 不支持在工作簿中保存审核记录（需要 ExcelApi 1.5），状态只保留到关闭窗格。'}
          {model.unsaved && target === 'file' ? ' 有未保存的更改。' : ''}
        </Caption1>
      </section>

      {model.problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>未能完成</MessageBarTitle>
            {model.problem}
          </MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-label="审核汇总">
        <Subtitle2 as="h2">审核汇总</Subtitle2>
        <Caption1>
          当前 {s.present} 条发现，已修正 {s.fixed} 条；错误待处理 {s.openErrors} 条，已退回 {s.returnedErrors} 条。
        </Caption1>
        <Table size="extra-small" className={styles.table} aria-label="按状态与级别统计">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.nowrap}>级别</TableHeaderCell>
              {STATUS_ORDER.map((st) => (
                <TableHeaderCell key={st} className={styles.nowrap}>
                  {STATUS_LABEL[st].label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {KINDS.map(([k, label]) => (
              <TableRow key={k}>
                <TableCell className={styles.nowrap}>{label}</TableCell>
                {STATUS_ORDER.map((st) => (
                  <TableCell key={st} className={styles.num} data-count={`${k}:${st}`}>
                    {s.matrix[k][st]}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {s.people.length > 0 && (
          <Caption1 className={styles.muted}>
            处理人：{s.people.map((p) => `${p.name}（${p.role === 'reviewer' ? '审核人' : '编制人'}，${p.actions} 次，最近 ${localTime(p.last)}）`).join('；')}
          </Caption1>
        )}
        {s.signOff && (
          <Caption1 data-signoff="">
            {s.signOff.by} 于 {localTime(s.signOff.at)} 签署{s.signOff.comment ? `：${s.signOff.comment}` : ''}
            {s.signOff.current ? '（仍有效）' : '（之后状态有变，已失效）'}
          </Caption1>
        )}
      </section>

      <section className={styles.section} aria-label="签署">
        <Subtitle2 as="h2">签署</Subtitle2>
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} aria-label="签署意见" placeholder="签署意见（可不填）" resize="vertical" />
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void sign()} aria-describedby={s.signOffRefusal ? 'signoff-refusal' : undefined}>
            签署审核
          </Button>
        </div>
        {s.signOffRefusal && (
          <Caption1 id="signoff-refusal" className={styles.refusal}>
            {s.signOffRefusal}
          </Caption1>
        )}
        {model.actor.role !== 'reviewer' && <Caption1 className={styles.muted}>签署须由审核人进行（在上方选择身份）。</Caption1>}
      </section>

      <Divider />
      <section className={styles.section} aria-label="导出">
        <Subtitle2 as="h2">导出审核意见</Subtitle2>
        <div className={styles.row}>
          {(['xlsx', 'docx', 'html'] as const).map((f) => (
            <Button key={f} size="small" disabled={busy !== null} onClick={() => void download('report', () => model.report(f), `${stem}-审核意见.${f}`, MIME[f])}>
              {f === 'xlsx' ? 'Excel 表' : f === 'docx' ? 'Word 文档' : '网页'}
            </Button>
          ))}
        </div>
        {target === 'file' && (
          <>
            <Caption1 className={styles.muted}>本地文件：审核记录和标注写入一个新的副本下载（原文件不变），可发给单位或在 WPS 中打开。</Caption1>
            <div className={styles.row}>
              <Button size="small" disabled={busy !== null} onClick={() => void download('save', () => model.saveCopy(false), `${stem}-审核记录.xlsx`, MIME.xlsx)}>
                保存审核记录（下载副本）
              </Button>
              <Button size="small" disabled={busy !== null} onClick={() => void download('marks', () => model.saveCopy(true), `${stem}-已标注.xlsx`, MIME.xlsx)}>
                在表中标出（下载副本）
              </Button>
            </div>
          </>
        )}
        {busy && <Spinner size="tiny" label="正在生成…" />}
      </section>

      <Divider />
      <Settings model={model} fillDefault={fillDefault} />
    </>
  );
}
