import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { TableSummary, UnrecognizedSheet } from '../core/findings';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  empty: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
});

const COLUMNS = ['工作表', '类型', '标题', '年度', '单位', '区域'] as const;

/** The tables the engine recognized: one row each. */
export function TablesList({ tables }: { tables: TableSummary[] }) {
  const styles = useStyles();
  if (tables.length === 0) {
    return <Text className={styles.empty}>未识别到标准表格。</Text>;
  }
  return (
    <Table className={styles.table} size="small" aria-label="已识别的表格">
      <TableHeader>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableHeaderCell key={c} className={styles.nowrap}>
              {c}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {tables.map((t) => (
          <TableRow key={`${t.sheet}!${t.range}`}>
            <TableCell>{t.sheet}</TableCell>
            <TableCell className={styles.nowrap}>{String(t.type)}</TableCell>
            <TableCell>{t.title}</TableCell>
            <TableCell>{t.year ?? '—'}</TableCell>
            <TableCell className={styles.nowrap}>{t.unit ?? '—'}</TableCell>
            <TableCell className={styles.mono}>{t.range}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
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
          {s.bestGuess !== null && <Caption1>（最接近：{String(s.bestGuess)}）</Caption1>}
        </li>
      ))}
    </ul>
  );
}
