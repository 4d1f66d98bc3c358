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

import { combineReviews, REVIEW_NAMESPACE } from '../../core/review/document';
import { SETTINGS_NAMESPACE } from '../../core/review/settings';
import type { HostNote, HostPlan } from '../host';

export const DOCUMENTS_SET = '1.5';

/** One request against the workbook, as the host runs it (cell-edit mode waited out, errors wrapped). */
export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A document to keep: its namespace and its XML. */
export interface StoredDocument {
  namespace: string;
  xml: string;
}

/** The parts of `namespace`, their ids to be loaded by the next sync. */
function queueIds(context: Excel.RequestContext, namespace: string): Excel.CustomXmlPartScopedCollection {
  const scoped = context.workbook.customXmlParts.getByNamespace(namespace);
  scoped.load('items/id');
  return scoped;
}

export class DocumentParts {
  /** Namespace → the ids of its parts as last seen. */
  private readonly ids = new Map<string, string[]>();

  constructor(
    private readonly run: RunBatch,
    /** ExcelApi 1.5, and the note to give when it is missing. */
    private readonly supported: boolean,
    private readonly missing: readonly HostNote[],
  ) {}

  /** The review kept in the workbook (several parts of its namespace merged), or null: two requests. */
  async readReview(): Promise<string | null> {
    return combineReviews(await this.readAll(REVIEW_NAMESPACE));
  }

  /** The settings kept in the workbook, or null: two requests. */
  async readSettings(): Promise<string | null> {
    return (await this.readAll(SETTINGS_NAMESPACE))[0] ?? null;
  }

  private readAll(namespace: string): Promise<string[]> {
    return this.supported ? this.run((context) => this.read(context, namespace)) : Promise.resolve([]);
  }

  /**
   * The documents a plan keeps, their parts looked up first when this session has not seen them (one
   * request); none, and the note, without ExcelApi 1.5.
   */
  async planned(plan: HostPlan, notes: HostNote[]): Promise<StoredDocument[]> {
    const documents = [
      ...(plan.review !== undefined ? [{ namespace: REVIEW_NAMESPACE, xml: plan.review }] : []),
      ...(plan.settings !== undefined ? [{ namespace: SETTINGS_NAMESPACE, xml: plan.settings }] : []),
    ];
    if (!documents.length) return [];
    if (!this.supported) {
      notes.push(...this.missing);
      return [];
    }
    const unknown = documents.map((d) => d.namespace).filter((ns) => !this.known(ns));
    if (unknown.length) await this.run((context) => this.lookup(context, unknown));
    return documents;
  }

  /** Queues every document of a plan into its request; returns what to call once it has run. */
  queueAll(context: Excel.RequestContext, documents: readonly StoredDocument[]): () => void {
    const done = documents.map((d) => this.queueWrite(context, d.namespace, d.xml));
    return () => done.forEach((f) => f());
  }

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
