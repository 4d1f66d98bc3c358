import { Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { TableSummary, UnrecognizedSheet } from '../core/findings';
import { TABLE_TYPE_LABELS } from '../core/tables/type-names';

/**
 * The tables the engine recognized, with Chinese type names (公开02表, 项目支出绩效自评表): a table of
 * one row each from 420 px up, below that two lines per table (the type and sheet, then the title,
 * year, unit and range), so nothing wraps two characters a line or is cut off in a narrow pane. A
 * plain table drawn like Fluent's small one (Fluent's Table would add its focus machinery to the
 * first bundle for a list nobody navigates).
 */

const NARROW = '@media (max-width: 419.98px)';
const WIDE = '@media (min-width: 420px)';

const useStyles = makeStyles({
  table: {
    tableLayout: 'auto',
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    [NARROW]: { display: 'none' },
  },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'middle',
  },
  nowrap: { whiteSpace: 'nowrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  empty: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  lines: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, [WIDE]: { display: 'none' } },
  line: { display: 'flex', flexDirection: 'column', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  first: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const COLUMNS = ['工作表', '类型', '标题', '年度', '单位', '区域'] as const;
/** Sheet names up to this length stay on one line (公开01表 is not broken after 公开01); longer ones wrap. */
const SHORT_NAME = 8;

export const typeLabel = (t: TableSummary): string => TABLE_TYPE_LABELS[t.type] ?? String(t.type);

export function TablesList({ tables }: { tables: TableSummary[] }) {
  const styles = useStyles();
  if (tables.length === 0) {
    return <Text className={styles.empty}>未识别到标准表格。</Text>;
  }
  return (
    <>
      <table className={styles.table} aria-label="已识别的表格">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={styles.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tables.map((t) => (
            <tr key={`${t.sheet}!${t.range}`} data-type={t.type}>
              <td className={mergeClasses(styles.td, t.sheet.length <= SHORT_NAME && styles.nowrap)}>{t.sheet}</td>
              <td className={mergeClasses(styles.td, styles.nowrap)}>{typeLabel(t)}</td>
              <td className={styles.td}>{t.title}</td>
              <td className={styles.td}>{t.year ?? '—'}</td>
              <td className={mergeClasses(styles.td, styles.nowrap)}>{t.unit ?? '—'}</td>
              <td className={mergeClasses(styles.td, styles.mono)}>{t.range}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className={styles.lines} aria-label="已识别的表格（列表）">
        {tables.map((t) => (
          <li key={`${t.sheet}!${t.range}`} className={styles.line} data-type={t.type}>
            <span className={styles.first}>
              <Text weight="semibold">{typeLabel(t)}</Text>
              {t.sheet !== typeLabel(t) && <Caption1 className={styles.muted}>工作表 {t.sheet}</Caption1>}
            </span>
            <Caption1>
              {t.title} · {t.year ?? '—'} 年度 · {t.unit ?? '—'} · {t.range}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Sheets holding no standard table, with the reason and the closest template. */
export function UnrecognizedList({ sheets }: { sheets: UnrecognizedSheet[] }) {
  const styles = useStyles();
  if (sheets.length === 0) return null;
  return (
    <ul className={styles.list}>
      {sheets.map((s) => (
        <li key={s.sheet} className={styles.item}>
          <Text weight="semibold">{s.sheet}</Text>
          <Text>：{s.reason}</Text>
          {s.bestGuess !== null && <Caption1>（最接近：{TABLE_TYPE_LABELS[s.bestGuess] ?? String(s.bestGuess)}）</Caption1>}
        </li>
      ))}
    </ul>
  );
}
