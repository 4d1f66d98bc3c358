/// <reference types="office-js" />
/**
 * The add-in's documents kept in the open workbook — the review of the findings and the settings —
 * as custom XML parts (`workbook.customXmlParts`, ExcelApi 1.5; docs/decisions/0004-review-state.md).
 * They are saved with the file, travel with it to the supervisor's machine, are read by the .xlsx
 * file host too, and are no cells: a user's Ctrl+Z does not take a review back, and writing one
 * raises no change event and recalculates nothing.
 *
 * A part is found by its namespace, never by an id kept from an earlier session. Reading costs two
 * requests (the parts of the namespace, then their XML); a write is queued into the request of the
 * plan, into the first part of its namespace, or a new part when there is none.
 */

export const DOCUMENTS_SET = '1.5';

/** The parts of `namespace`, their ids to be loaded by the next sync. */
function queueIds(context: Excel.RequestContext, namespace: string): Excel.CustomXmlPartScopedCollection {
  const scoped = context.workbook.customXmlParts.getByNamespace(namespace);
  scoped.load('items/id');
  return scoped;
}

export class DocumentParts {
  /** Namespace → the ids of its parts as last seen. */
  private readonly ids = new Map<string, string[]>();

  /** Whether the parts of `namespace` were listed in this session. */
  known(namespace: string): boolean {
    return this.ids.has(namespace);
  }

  /** Every part of `namespace`, its XML: two syncs (one when there is none). */
  async read(context: Excel.RequestContext, namespace: string): Promise<string[]> {
    const scoped = queueIds(context, namespace);
    await context.sync();
    const items = scoped.items;
    this.ids.set(
      namespace,
      items.map((p) => p.id),
    );
    if (items.length === 0) return [];
    const xml = items.map((p) => p.getXml());
    await context.sync();
    return xml.map((x) => x.value);
  }

  /** Lists the parts of the namespaces not listed yet: one sync. */
  async lookup(context: Excel.RequestContext, namespaces: readonly string[]): Promise<void> {
    const unknown = namespaces.filter((ns) => !this.known(ns));
    if (!unknown.length) return;
    const lists = unknown.map((ns) => ({ ns, scoped: queueIds(context, ns) }));
    await context.sync();
    for (const { ns, scoped } of lists) this.ids.set(ns, scoped.items.map((p) => p.id));
  }

  /**
   * Queues `xml` as the document of `namespace`: the first part of the namespace gets it, or a new
   * part is added. Returns what to call once the request has run.
   */
  queueWrite(context: Excel.RequestContext, namespace: string, xml: string): () => void {
    const first = this.ids.get(namespace)?.[0];
    if (first !== undefined) {
      context.workbook.customXmlParts.getItem(first).setXml(xml);
      return () => undefined;
    }
    const part = context.workbook.customXmlParts.add(xml);
    part.load('id');
    return () => this.ids.set(namespace, [part.id]);
  }

  /** After a failed request the parts may differ from what was seen: list them again next time. */
  forget(): void {
    this.ids.clear();
  }
}
