import { runsText, type Block, type NarrativeDraft, type Run } from './blocks';

/**
 * Plain text and Markdown of a drafted narrative. By default slots stay visible as 【label：text】
 * (runsText), a suggestion marked （建议）, so nothing to supply or confirm can be missed; `fill`
 * prints a filled slot's text as if accepted (an empty slot still shows as 【label】), which is how
 * a draft reads once a person has confirmed it.
 */
export interface RenderOptions {
  fill?: boolean;
}

/** The text of a paragraph's runs. */
export function paragraphText(runs: readonly Run[], options: RenderOptions = {}): string {
  if (!options.fill) return runsText(runs);
  return runs.map((r) => (r.type === 'slot' ? (r.text ? r.text : `【${r.label}】`) : r.text)).join('');
}

function blockText(b: Block, options: RenderOptions): string {
  return b.type === 'heading' ? b.text : paragraphText(b.runs, options);
}

/** Title, headings and paragraphs, one per line with a blank line between them. */
export function renderText(draft: NarrativeDraft, options: RenderOptions = {}): string {
  return [draft.title, ...draft.blocks.map((b) => blockText(b, options))].join('\n\n') + '\n';
}

/** Characters that would start Markdown syntax at the beginning of a line or inside it. */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(#+\s|[-+]\s|>)/, '\\$1');
}

function markdownRuns(runs: readonly Run[], options: RenderOptions): string {
  return runs
    .map((r) => {
      if (r.type !== 'slot') return escapeMarkdown(r.text);
      if (options.fill && r.text) return r.suggestion ? `*${escapeMarkdown(r.text)}*` : escapeMarkdown(r.text);
      // Slots in bold so they stand out; suggestions in italics inside.
      const body = r.text ? `${escapeMarkdown(r.label)}：${r.suggestion ? `*${escapeMarkdown(r.text)}*（建议）` : escapeMarkdown(r.text)}` : escapeMarkdown(r.label);
      return `**【${body}】**`;
    })
    .join('');
}

/** "# title", "## 一、…", "### （一）…", "#### …"; slots in bold 【…】, suggestions in italics and marked （建议）. */
export function renderMarkdown(draft: NarrativeDraft, options: RenderOptions = {}): string {
  const lines = [`# ${escapeMarkdown(draft.title)}`];
  for (const b of draft.blocks) lines.push(b.type === 'heading' ? `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}` : markdownRuns(b.runs, options));
  return lines.join('\n\n') + '\n';
}
