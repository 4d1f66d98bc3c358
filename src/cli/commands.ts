import { INPUTS_SHEET_NAME } from '../core/narrative/draft/inputs-sheet';
import { commandHelp, HELP_OPTION, type CommandSpec } from './options';

/** The option tables of the commands: the parsers and the help texts are made from these. */

const FORMAT_TEXT_JSON = { name: '--format', choices: ['text', 'json'] } as const;

export const CHECK: CommandSpec = {
  name: 'check',
  synopsis: [
    'gongkai check [FILE.xlsx ...] [--format text|json] [--show-rounding]',
    'gongkai check FILE.xlsx --narrative TEXT.txt|DOC.docx [--prior PRIOR.xlsx] [--inputs INPUTS.xlsx] [--format text|json] [--show-rounding]',
    'gongkai check --rules [--format text|json]',
    'gongkai check --help',
  ],
  zh: '识别并检查工作簿；不给文件时检查自带的样例工作簿。每个能读的文件都出报告，读不了的文件各在标准错误输出一行原因；退出码取最严重的一个。',
  en: 'Recognize and check workbooks (with no FILE, the bundled sample). Every readable file is reported, each unreadable one gets a line on stderr; the exit code is the worst.',
  options: [
    { ...FORMAT_TEXT_JSON, zh: '输出格式：text 供人阅读（默认）；json 为输出约定的报告，多个文件时每行一份。', en: 'text for people (default); json: the output contract, one report per line for several files.' },
    { name: '--show-rounding', zh: '逐条列出尾差（默认每张表合并为一行）。', en: 'List every rounding difference (尾差) instead of one line per sheet.' },
    { name: '--narrative', arg: 'TEXT.txt|DOC.docx', zh: '同时核对情况说明（或绩效自评报告）中的数字：金额、占比、增减额与增长率、完成率与执行率、得分、文内合计。只用于一个工作簿；文本可为 UTF-8、UTF-16 或 GBK。', en: "Also check a narrative's numbers against the tables (one workbook only); text in UTF-8, UTF-16 or GBK, or a .docx." },
    { name: '--prior', arg: 'PRIOR.xlsx', zh: '与 --narrative 同用：上年工作簿，用于核对增减额和增长率。', en: "With --narrative: last year's workbook, to check the changes." },
    { name: '--inputs', arg: 'INPUTS.xlsx', zh: `与 --narrative 同用：含“${INPUTS_SHEET_NAME}”表的工作簿（上年数、年初预算、政府采购等）。`, en: `With --narrative: a workbook with a ${INPUTS_SHEET_NAME} sheet (上年数, 年初预算, 政府采购).` },
    { name: '--rules', zh: '列出全部检查规则（编号、级别、名称、等式、来源），不检查文件。', en: 'List every rule (id, severity, title, identity, source) instead of checking.' },
    HELP_OPTION,
  ],
};

export const FILL: CommandSpec = {
  name: 'fill',
  synopsis: [
    'gongkai fill IN.xlsx -o OUT.xlsx [--values] [--overwrite] [--numbers-from-text] [--force] [--format text|json]',
    'gongkai fill IN.xlsx --in-place [--values] [--overwrite] [--numbers-from-text] [--format text|json]',
    'gongkai fill --help',
  ],
  zh: '填写计算列（执行率、得分、总分、合计/小计、控制率），默认写入 Excel 公式。与计算值不同的单元格只报告、不改动；没有要改的单元格时不写任何文件。启用宏的 .xlsm 只能写成 .xlsm。',
  en: 'Fill computed cells as live formulas; cells that differ are reported and kept. When nothing changes no file is written. An .xlsm stays an .xlsm.',
  options: [
    { name: '--output', short: '-o', arg: 'OUT.xlsx', zh: '写到新文件（扩展名须与输入相同：.xlsx 或 .xlsm）；绝不写到任何输入文件上。', en: 'Write a new file (same extension as the input); never over an input.' },
    { name: '--in-place', zh: '改写输入文件本身：先在原文件旁写好备份 IN.backup-YYYYMMDD-HHMM.xlsx，新文件写完后才替换原文件；不能与 -o 同用。', en: 'Rewrite the input itself: a backup is written beside it first, and the original is replaced only when both are complete; not with -o.' },
    { name: '--values', zh: '写入数值而不是公式。', en: 'Write numbers instead of formulas.' },
    { name: '--overwrite', zh: '替换与计算值不同的单元格（默认只报告）。', en: 'Replace the cells that differ from the computed value (default: report them).' },
    { name: '--numbers-from-text', zh: '把合计所引用的、以文本存放的数字改为数值，合计才能写成公式（否则这些合计写为数值并说明原因）。', en: 'Turn the numbers stored as text that a total reads into numbers, so the total can be a formula (otherwise it is written as a value, and the report says why).' },
    { name: '--force', zh: '与 -o 同用：替换已存在的输出文件（输入文件除外）。', en: 'With -o: replace an existing output file (never an input).' },
    { ...FORMAT_TEXT_JSON, zh: '报告格式：text（默认）或 json（写入计划、冲突、说明）。', en: 'Report as text (default) or json (the plan, conflicts, notes).' },
    HELP_OPTION,
  ],
};

export const NARRATE: CommandSpec = {
  name: 'narrate',
  synopsis: [
    'gongkai narrate BOOK.xlsx [--prior PRIOR.xlsx] [--inputs INPUTS.xlsx] [--jixiao JIXIAO.xlsx|--no-jixiao] -o 情况说明.docx|.md|.txt [--format docx|md|txt] [--no-sources] [--force]',
    'gongkai narrate BOOK.xlsx [--prior PRIOR.xlsx] [--inputs INPUTS.xlsx] [--jixiao JIXIAO.xlsx|--no-jixiao] --format md|txt',
    'gongkai narrate BOOK.xlsx --inputs-template INPUTS.xlsx [--force]',
    'gongkai narrate --help',
  ],
  zh: '按表格数据起草部门决算情况说明（一至十三）：数字均可追溯到单元格；原因、上年数、年初预算等留作高亮待填项。',
  en: 'Draft the 情况说明 from the tables: every number traces to its cells; reasons and inputs the tables do not hold are highlighted slots.',
  options: [
    { name: '--output', short: '-o', arg: 'OUT.docx|OUT.md|OUT.txt', zh: '写出草稿；格式由扩展名决定（.docx、.md、.txt），与 --format 矛盾时报错。不给 -o 时 md/txt 打印到标准输出。', en: 'Write the draft; the extension decides the format (.docx, .md, .txt) and a contradicting --format is an error. Without -o, md/txt go to stdout.' },
    { name: '--format', choices: ['docx', 'md', 'txt'], zh: '草稿格式（默认由 -o 的扩展名决定；没有 -o 时须为 md 或 txt）。', en: 'The draft format (default: from the -o extension; without -o, md or txt).' },
    { name: '--prior', arg: 'PRIOR.xlsx', zh: '上年工作簿：起草增加/减少、增长/下降的句子。', en: "Last year's workbook, for the year-over-year sentences." },
    { name: '--inputs', arg: 'INPUTS.xlsx', zh: `读取其中“${INPUTS_SHEET_NAME}”表填写的数值（上年数、年初预算、政府采购、车辆等）。`, en: `Read the filled ${INPUTS_SHEET_NAME} sheet of this workbook (上年数, 年初预算, 政府采购, vehicles).` },
    { name: '--jixiao', arg: 'JIXIAO.xlsx', zh: '本部门同年度的绩效自评工作簿（项目支出、部门整体绩效自评表）：十三、预算绩效情况说明据此起草。不给时在 BOOK 所在文件夹中查找文件名含“绩效”“自评”或 jixiao 的同部门、同年度工作簿，恰有一个时使用并说明。', en: "The department's 绩效 workbook of the same year (项目/部门整体 自评表), for section 十三. Without it, BOOK's folder is searched for a workbook named 绩效/自评/jixiao of the same department and year; exactly one is used, and said." },
    { name: '--no-sources', zh: '.docx 草稿不附“附：数字来源”（默认附上：每个数字及其单元格）。', en: 'Leave the 附：数字来源 appendix (every number with its cells) out of a .docx draft.' },
    { name: '--no-jixiao', zh: '不查找、不使用绩效工作簿（十三中的项目数、资金、得分留作待填项）。', en: 'Do not look for or use a 绩效 workbook (section 十三 keeps its slots).' },
    { name: '--inputs-template', arg: 'INPUTS.xlsx', zh: `按 BOOK 的表格写出空白的“${INPUTS_SHEET_NAME}”表，不起草；不能与 -o、--prior、--inputs 同用。`, en: `Write the empty ${INPUTS_SHEET_NAME} sheet for BOOK's tables instead of drafting; not with -o, --prior, --inputs.` },
    { name: '--force', zh: '替换已存在的输出文件（-o 或 --inputs-template 的文件；输入文件除外）。', en: 'Replace an existing output file (of -o or --inputs-template; never an input).' },
    HELP_OPTION,
  ],
  notes: [
    `BOOK 自带“${INPUTS_SHEET_NAME}”表时自动读取。优先级：--inputs 的表 > BOOK 中的“${INPUTS_SHEET_NAME}”表 > --prior 上年工作簿；都没有的数保留待填写标记，不会猜测。`,
    `A ${INPUTS_SHEET_NAME} sheet inside BOOK is read automatically. Precedence: --inputs > BOOK's own sheet > --prior; what none gives stays a slot.`,
  ],
};

export const BATCH: CommandSpec = {
  name: 'batch',
  synopsis: [
    'gongkai batch DIR [--narratives DIR2] [--prior DIR3] [-o REPORT.xlsx|.html|.json] [--force] [--jobs N]',
    'gongkai batch --help',
  ],
  zh: '批量检查文件夹（含子文件夹）中的全部工作簿（.xlsx、.xlsm、.xls），多个工作线程并行；情况说明和上年工作簿按部门名称或文件名与工作簿匹配后一并核对。报告：汇总（错误多的在前）、各部门明细、按规则统计、无法读取的文件。按 Ctrl-C 停止时写出已完成部分的报告，标为未完成。',
  en: 'Check every workbook under DIR (subfolders too) on worker threads, each with its narrative and prior-year workbook matched by department or file name. The report: a summary worst first, the findings per department, counts by rule, unreadable files. Ctrl-C writes the report of what is done, marked incomplete.',
  options: [
    { name: '--narratives', arg: 'DIR2', zh: '情况说明（.txt、.docx）所在的文件夹：按部门名称（正文开头）或文件名与工作簿匹配，一并核对其中的数字。', en: 'A folder of narratives (.txt, .docx), matched to the workbooks by department (named at the start of the text) or file name, and checked.' },
    { name: '--prior', arg: 'DIR3', zh: '上年工作簿所在的文件夹：按部门名称或文件名匹配，核对情况说明中的增减额和增长率。', en: "A folder of last year's workbooks, matched by department or file name, to check the narratives' changes." },
    { name: '--output', short: '-o', arg: 'REPORT.xlsx|.html|.json', zh: '写出报告，格式由扩展名决定（.xlsx、.html、.json）；不给 -o 时在标准输出打印汇总。绝不写到任何输入文件上。', en: 'Write the report; the extension decides the format (.xlsx, .html, .json). Without -o a summary goes to stdout. Never over an input.' },
    { name: '--force', zh: '与 -o 同用：替换已存在的报告文件（输入文件除外）。', en: 'With -o: replace an existing report file (never an input).' },
    { name: '--jobs', arg: 'N', zh: '并行的工作线程数（默认每个处理器核心一个）。', en: 'Worker threads (default: one per core).' },
    HELP_OPTION,
  ],
  notes: [
    '退出码：2 有文件无法读取；否则 1 有错误；否则 0（取最严重的，同 check）；130 被 Ctrl-C 中断（报告已写出，标为未完成）。',
    'Exit codes: 2 a file could not be read, else 1 error findings, else 0 (the worst wins, as for check); 130 stopped by Ctrl-C (the report is written, marked incomplete).',
  ],
};

export const REPORT: CommandSpec = {
  name: 'report',
  synopsis: ['gongkai report BOOK.xlsx -o 审核意见.xlsx|.docx|.html [--format xlsx|docx|html] [--info] [--force]', 'gongkai report --help'],
  zh: '写出审核意见（发回单位的问题清单）：先列汇总（各级别、各状态的条数，尚待处理的错误，经办人，签署），再按表格逐条列出错误和警告的单元格、应为、实为、问题、处理状态和单位说明。处理状态取自工作簿中保存的审核记录。.xlsx 可筛选排序，.docx 为公文格式，.html 可在任何浏览器打开。',
  en: 'Write the findings report to send back: the summary (counts by level and status, open errors, who reviewed, sign-off), then per table every error and warning with its cell, expected and actual values, message, status and explanation, the statuses from the review kept in the workbook. .xlsx to sort and filter, .docx in the 公文 style, .html for any browser.',
  options: [
    { name: '--output', short: '-o', arg: 'REPORT.xlsx|.docx|.html', zh: '报告文件；格式由扩展名决定（.xlsx、.docx、.html），与 --format 矛盾时报错。绝不写到输入文件上。', en: 'The report file; the extension decides the format (.xlsx, .docx, .html) and a contradicting --format is an error. Never over the input.' },
    { name: '--format', choices: ['xlsx', 'docx', 'html'], zh: '报告格式（默认由 -o 的扩展名决定）。', en: 'The report format (default: from the -o extension).' },
    { name: '--info', zh: '也逐条列出提示（如以文本存放的数字）；默认只在汇总中计数。', en: 'List the info findings (numbers stored as text …) too; by default they are only counted in the summary.' },
    { name: '--force', zh: '替换已存在的报告文件（输入文件除外）。', en: 'Replace an existing report file (never the input).' },
    HELP_OPTION,
  ],
};

export const MARK: CommandSpec = {
  name: 'mark',
  synopsis: ['gongkai mark BOOK.xlsx -o BOOK-标注.xlsx [--force]', 'gongkai mark BOOK.xlsx --clear -o OUT.xlsx [--force]', 'gongkai mark --help'],
  zh: '“在表中标出”：写出工作簿的副本，在每个错误和警告的单元格上标注（✖ 错误、⚠ 警告，底色和边框），问题说明列在隐藏的“审核标注”表中；供 WPS 用户和邮件发送。单元格的数值和格式不变，原文件不改动；在 Excel 中用本助手打开时可继续更新或清除这些标注。',
  en: 'Write a copy of the workbook with every error and warning marked on its cell (✖ / ⚠, a fill and a border) and listed on a hidden 审核标注 sheet, for WPS users and email. No cell value or format changes; BOOK is never changed; the add-in in Excel takes the marks over.',
  options: [
    { name: '--output', short: '-o', arg: 'OUT.xlsx', zh: '标注后的副本（扩展名须与输入相同：.xlsx 或 .xlsm）；绝不写到输入文件上。', en: 'The marked copy (same extension as the input); never over the input.' },
    { name: '--clear', zh: '写出去掉本助手标注的副本（例如收到标注文件后恢复原样）。', en: "Write a copy without the add-in's marks instead." },
    { name: '--force', zh: '替换已存在的输出文件（输入文件除外）。', en: 'Replace an existing output file (never the input).' },
    HELP_OPTION,
  ],
};

export const COMMANDS: readonly CommandSpec[] = [CHECK, FILL, NARRATE, BATCH, REPORT, MARK];

/** `gongkai --help`: every command with every option. */
export function generalHelp(): string {
  return [
    '决算公开助手 gongkai：检查、填写、起草、批量检查部门决算公开和绩效自评工作簿。 / Gongkai Lens: check, fill, narrate and batch-check 决算公开 and 绩效自评 workbooks.',
    '',
    ...COMMANDS.map((c) => `== gongkai ${c.name} ==\n${commandHelp(c)}\n`),
    '用法 / Usage: gongkai check|fill|narrate|batch|report|mark ... | gongkai <command> --help | gongkai --help | gongkai --version',
    '退出码 / Exit codes: 0 无错误 no error; 1 有错误 error findings; 2 输入无法读取 unreadable input; 64 用法错误 usage mistake; 73 输出无法写入 output not written; 130 批量检查被中断 batch stopped.',
  ].join('\n');
}
