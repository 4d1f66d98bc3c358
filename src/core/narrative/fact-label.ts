/**
 * A fact key as a reader says it, for the draft's list of sources (附：数字来源) and a number's tooltip:
 * `三公.决算.公务用车购置及运行维护费/完成率` → `“三公”经费支出决算 公务用车购置及运行维护费 完成全年预算的比例`,
 * `一般公共预算支出.类.221/占比` → `一般公共预算支出 221类 占比`. Keys stay the stable names in code and tags.
 */

/** What a derived number is, after the key's `/`. */
const DERIVED: Record<string, string> = {
  占比: '占比',
  完成率: '完成全年预算的比例',
  完成年初预算: '完成年初预算的比例',
  较上年: '较上年增减',
  较上年幅度: '较上年增减幅度',
  较年初预算: '较年初预算增减',
  较年初预算幅度: '较年初预算增减幅度',
};

/** Segments of a key that read better in words. */
const WORDS: Record<string, string> = {
  三公: '“三公”经费',
  收支总计: '收、支总计',
};

export function factLabel(key: string): string {
  const [base, ...derived] = key.split('/');
  const parts = base.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    // 类/款/项 followed by its code: "221类"
    if ((p === '类' || p === '款' || p === '项') && /^\d+$/.test(parts[i + 1] ?? '')) {
      words.push(`${parts[++i]}${p}`);
      continue;
    }
    if (parts[0] === '三公' && i === 1 && (p === '决算' || p === '预算')) {
      words[words.length - 1] += p === '决算' ? '支出决算' : '全年预算';
      continue;
    }
    words.push(WORDS[p] ?? p);
  }
  for (const d of derived) words.push(DERIVED[d] ?? d);
  return words.join(' ');
}
