import type { Block, NarrativeDraft, Run } from '../core/narrative/blocks';

/**
 * 复制全文: the draft on the clipboard as formatted text (HTML: headings, paragraphs indented two
 * characters in 仿宋, the slots highlighted) and as plain text, for pasting into Word, WPS or an email
 * in any host. The Clipboard API where the page may use it; else the browser's copy command on a
 * hidden selection (Office task panes may not grant clipboard-write).
 */

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runHtml(r: Run): string {
  if (r.type === 'slot') return `<mark style="background:#fff176">【${escape(r.label)}${r.text ? `：${escape(r.text)}` : ''}】</mark>`;
  return escape(r.text);
}

function runText(r: Run): string {
  return r.type === 'slot' ? `【${r.label}${r.text ? `：${r.text}` : ''}】` : r.text;
}

const BODY = "font-family:'仿宋','仿宋_GB2312',FangSong,serif;font-size:16pt;line-height:28pt;text-indent:2em;margin:0";
const HEADING: Record<number, string> = {
  1: "font-family:'黑体',SimHei,sans-serif;font-size:16pt;font-weight:normal;margin:0",
  2: "font-family:'楷体','楷体_GB2312',KaiTi,serif;font-size:16pt;font-weight:normal;margin:0",
  3: "font-family:'仿宋','仿宋_GB2312',FangSong,serif;font-size:16pt;font-weight:bold;margin:0",
};

function blockHtml(b: Block): string {
  if (b.type === 'heading') {
    const level = Math.min(3, b.level);
    return `<h${level + 1} style="${HEADING[level]};text-indent:2em">${escape(b.text)}</h${level + 1}>`;
  }
  return `<p style="${BODY}">${b.runs.map(runHtml).join('')}</p>`;
}

export function draftHtml(draft: NarrativeDraft): string {
  const title = `<h1 style="font-family:'方正小标宋简体','华文中宋',serif;font-size:22pt;font-weight:normal;text-align:center;margin:0">${escape(draft.title)}</h1>`;
  return `<div>${title}${draft.blocks.map(blockHtml).join('')}</div>`;
}

export function draftText(draft: NarrativeDraft): string {
  return [draft.title, ...draft.blocks.map((b) => (b.type === 'heading' ? b.text : `\u3000\u3000${b.runs.map(runText).join('')}`))].join('\n');
}

export async function copyDraft(draft: NarrativeDraft): Promise<boolean> {
  const html = draftHtml(draft);
  const text = draftText(draft);
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      return true;
    }
  } catch {
    // not granted here: the copy command below
  }
  const holder = document.createElement('div');
  holder.contentEditable = 'true';
  holder.style.position = 'fixed';
  holder.style.left = '-10000px';
  holder.innerHTML = html;
  document.body.appendChild(holder);
  const range = document.createRange();
  range.selectNodeContents(holder);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  let ok = false;
  try {
    // the one copy that works where clipboard-write is not granted
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  selection?.removeAllRanges();
  holder.remove();
  return ok;
}
