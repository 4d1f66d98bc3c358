import type { NarrativeDraft } from '../core/narrative/blocks';
import { WordHost, type DocumentSection, type InsertResult, type NumberChange } from '../hosts/word/word-host';

/**
 * The document open in Word, for the 情况说明 tab (engine side): the draft inserted at the cursor or
 * in place of one of the document's sections, and 刷新数字 (each number's content control gets its
 * fact's text from a fresh draft of the workbook; what changed is listed).
 */
export interface WordTarget {
  insert(draft: NarrativeDraft): Promise<InsertResult>;
  sections(): Promise<DocumentSection[]>;
  replace(heading: string, draft: NarrativeDraft): Promise<InsertResult>;
  refresh(draft: NarrativeDraft): Promise<NumberChange[]>;
}

export type { DocumentSection, InsertResult, NumberChange };

/** WordApi 1.3 checked (no request). Throws WordHostError outside Word or in a too old one. */
export function connectWord(): WordTarget {
  const host = WordHost.connect();
  return {
    insert: (draft) => host.insertDraft(draft),
    sections: () => host.listSections(),
    replace: (heading, draft) => host.replaceSection(heading, draft),
    refresh: (draft) => host.refreshNumbers(draft),
  };
}
