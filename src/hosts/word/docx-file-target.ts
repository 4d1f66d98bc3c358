import type { NarrativeDraft } from '../../core/narrative/blocks';
import type { NarrativeTarget } from '../host';
import { draftToDocx, type DocxOptions, type DocxStyleOverrides } from './docx-export';

/** A narrative draft as the bytes of a .docx file (the CLI writes them; the pane offers a download). */
export class DocxFileTarget implements NarrativeTarget {
  readonly kind = 'docx-file' as const;

  constructor(
    private readonly style?: DocxStyleOverrides,
    /** The sources appendix is on in a file (the default); `{ provenance: false }` leaves it out. */
    private readonly options?: DocxOptions,
  ) {}

  async exportNarrative(draft: NarrativeDraft): Promise<{ bytes: Uint8Array }> {
    return { bytes: await draftToDocx(draft, this.style, this.options) };
  }
}
