import { lazy, Suspense } from 'react';
import { Caption1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { Spinner } from './Spinner';
import { FileMode } from './FileMode';
import { EXCEL, WORD, type PaneHost } from './office';

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
});

/** Inside Excel only: the open workbook's check (loaded once Office names the host Excel). */
const ExcelMode = lazy(() => import(/* webpackChunkName: "excel-mode" */ './ExcelMode').then((m) => ({ default: m.ExcelMode })));

export interface AppProps {
  /** Office host once Office.onReady has resolved; `null` outside Office; undefined while not yet known. */
  host?: PaneHost;
}

const HINTS = {
  browser: '当前未在 Excel 中运行：可打开本地文件进行检查（适用于 WPS 用户）。文件只在本机处理，不会上传。',
  word: '在 Word 中：打开决算工作簿（本地 .xlsx 文件），检查并起草情况说明。',
};

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">决算公开助手</Title3>
        <Caption1 className={styles.subtitle}>部门决算公开表与绩效自评表的识别和校验，情况说明的起草与核对</Caption1>
      </header>
      {host === undefined ? (
        <Spinner size="small" label="正在连接 Office…" />
      ) : host === EXCEL ? (
        <Suspense fallback={<Spinner size="small" label="正在连接 Office…" />}>
          <ExcelMode />
        </Suspense>
      ) : (
        <FileMode hint={host === WORD ? HINTS.word : HINTS.browser} word={host === WORD} />
      )}
    </main>
  );
}
