import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Notice } from './ErrorBar';
import { Spinner } from './Spinner';
import type { WordTarget } from './engine';
import { describeError, useWorkbookReport } from './useWorkbookReport';
import { Workspace } from './Workspace';

const useStyles = makeStyles({
  picker: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hiddenInput: { display: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A local workbook, read in the browser (WPS users, a plain browser, and Word, where the 决算 workbook
 * is a file): nothing leaves the machine; fills come back as a new file to download.
 */
export function FileMode({ hint, word = false }: { hint: string | null; word?: boolean }) {
  const styles = useStyles();
  const { state, open, replace } = useWorkbookReport();
  const input = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<WordTarget | null>(null);
  const [wordProblem, setWordProblem] = useState<string | null>(null);

  // in Word: the open document, for the 情况说明 (no request is made to connect)
  useEffect(() => {
    if (!word) return;
    import(/* webpackChunkName: "word" */ './wordTarget').then(
      (word) => {
        try {
          setTarget(word.connectWord());
        } catch (e) {
          setWordProblem(describeError(e).split(' / ')[0]);
        }
      },
      (e: unknown) => setWordProblem(describeError(e)),
    );
  }, [word]);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Clear the input so choosing the same file again fires another change.
    e.target.value = '';
    if (file) void open(file);
  };

  return (
    <>
      <div className={styles.picker}>
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={state.status === 'loading'}>
          打开本地工作簿（.xlsx）
        </Button>
        <input ref={input} className={styles.hiddenInput} type="file" accept={XLSX_ACCEPT} onChange={onFile} aria-label="选择本地工作簿" />
        {state.status === 'done' && <Caption1>{state.fileName}</Caption1>}
      </div>
      {hint && state.status === 'idle' && <Caption1 className={styles.muted}>{hint}</Caption1>}

      {state.status === 'loading' && <Spinner size="small" label={`正在分析“${state.fileName}”…`} />}

      {state.status === 'error' && (
        <Notice intent="error" title="无法完成检查">
          {state.message}
        </Notice>
      )}

      {wordProblem && (
        <Notice intent="warning" title="无法写入 Word 文档" multiline>
          {wordProblem}（仍可下载 .docx 或复制全文）
        </Notice>
      )}

      {state.status === 'done' && (
        <Workspace
          key={state.openId}
          book={state.book}
          openId={state.openId}
          fileName={state.fileName}
          target="file"
          onRechecked={replace}
          word={target}
          initialView={word ? 'narrative' : 'check'}
        />
      )}
    </>
  );
}
