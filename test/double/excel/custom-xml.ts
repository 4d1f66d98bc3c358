/**
 * `workbook.customXmlParts` of the Excel double (ExcelApi 1.5), as the Office.js reference documents
 * it: `CustomXmlPartCollection` (`add(xml)`, `getByNamespace(uri)`, `getCount()`, `getItem(id)`,
 * `getItemOrNullObject(id)`, `items`), `CustomXmlPartScopedCollection` (`getCount()`, `getItem(id)`,
 * `getItemOrNullObject(id)`, `getOnlyItem()`, `getOnlyItemOrNullObject()`, `items`) and
 * `CustomXmlPart` (`id`, `namespaceUri`, `getXml()`, `setXml(xml)`, `delete()`). Queued like every
 * other call of the double and run at `context.sync()`; a scoped collection is evaluated when the
 * request runs, so a part added earlier in the same request is in it.
 *
 * The double's own choices where the reference says nothing (see index.ts, WHAT IT DOES NOT SIMULATE):
 * the error codes of `add`/`setXml` with XML that is not well-formed (InvalidArgument) and of
 * `getOnlyItem` (ItemNotFound for none, InvalidOperation for several); ids are GUID-shaped and new
 * each time a workbook is opened; `namespaceUri` is the root element's namespace.
 */
import { XMLValidator } from 'fast-xml-parser';
import { errors } from './errors';
import { DClientResult, DObject, workbookMembers, type DoubleRequestContext } from './proxies';
import type { CustomXmlPartState, WorkbookState } from './state';

const SET = '1.5';
const ACTION_BYTES = 120;

/** The namespace URI of the document's root element ('' without one). */
export function rootNamespaceOf(xml: string): string {
  const m = /<(?![?!])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(xml.replace(/<!--[\s\S]*?-->/g, ''));
  if (!m) return '';
  const colon = m[1].indexOf(':');
  const attr = colon < 0 ? 'xmlns' : `xmlns:${m[1].slice(0, colon)}`;
  const a = new RegExp(`\\s${attr.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(m[2]);
  return a ? (a[1] ?? a[2]) : '';
}

function wellFormed(xml: unknown, what: string): string {
  if (typeof xml !== 'string' || XMLValidator.validate(xml) !== true) throw errors.invalidArgument(what);
  return xml;
}

type Filter = (p: CustomXmlPartState) => boolean;

abstract class DPartList extends DObject<WorkbookState> {
  protected readonly scalars = {};
  private loadedItems: DCustomXmlPart[] | undefined;
  protected abstract readonly filter: Filter;

  protected override locate(): WorkbookState {
    return this.context.engine.state;
  }

  protected parts(): CustomXmlPartState[] {
    return this.context.engine.state.customXmlParts.filter(this.filter);
  }

  get items(): DCustomXmlPart[] {
    if (!this.loadedItems) throw errors.propertyNotLoaded('items');
    return this.loadedItems;
  }

  override load(spec?: string | string[] | { select?: string | string[] }): this {
    const list = typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : typeof spec?.select === 'string' ? spec.select.split(',') : (spec?.select ?? ['id', 'namespaceUri']);
    const paths = list.map((p) => p.trim().replace(/^items\//, '')).filter((p) => p && p !== 'items');
    for (const p of paths) if (p !== 'id' && p !== 'namespaceUri') throw errors.invalidArgument(`${this.typeName}.load("${p}")`);
    const wanted = paths.length ? paths : ['id', 'namespaceUri'];
    this.context.enqueue({
      api: `${this.typeName}.load`,
      set: SET,
      requestBytes: ACTION_BYTES,
      execute: () => {
        const found = this.parts();
        const items = found.map((p) => new DCustomXmlPart(this.context, () => p));
        const values = found.map((p) => wanted.map((k) => [k, k === 'id' ? p.id : rootNamespaceOf(p.xml)] as const));
        return {
          responseBytes: values.reduce((n, v) => n + JSON.stringify(Object.fromEntries(v)).length, 16),
          apply: () => {
            this.loadedItems = items;
            items.forEach((item, i) => item.acceptLoaded(values[i]));
          },
        };
      },
    });
    return this;
  }

  getCount(): DClientResult<number> {
    const result = new DClientResult<number>();
    this.context.enqueue({
      api: `${this.typeName}.getCount`,
      set: SET,
      requestBytes: ACTION_BYTES,
      execute: () => {
        const n = this.parts().length;
        return { responseBytes: 8, apply: () => result.set(n) };
      },
    });
    return result;
  }

  getItem(id: string): DCustomXmlPart {
    return new DCustomXmlPart(this.context, () => {
      const p = this.parts().find((x) => x.id === id);
      if (!p) throw errors.itemNotFound(`custom XML part ${id}`);
      return p;
    });
  }

  getItemOrNullObject(id: string): DCustomXmlPart {
    const part = new DCustomXmlPart(this.context, () => this.parts().find((x) => x.id === id) ?? null);
    part.touch(`${this.typeName}.getItemOrNullObject`);
    return part;
  }
}

export class DCustomXmlPartCollection extends DPartList {
  protected readonly typeName = 'CustomXmlPartCollection';
  protected readonly filter: Filter = () => true;

  add(xml: string): DCustomXmlPart {
    let created: CustomXmlPartState | undefined;
    this.context.enqueue({
      api: 'CustomXmlPartCollection.add',
      set: SET,
      requestBytes: ACTION_BYTES + String(xml).length,
      execute: () => {
        const state = this.context.engine.state;
        created = { id: state.newGuid(), xml: wellFormed(xml, 'xml') };
        state.customXmlParts.push(created);
      },
    });
    return new DCustomXmlPart(this.context, () => {
      if (!created) throw errors.itemNotFound('custom XML part not yet added');
      return created;
    });
  }

  getByNamespace(namespaceUri: string): DCustomXmlPartScopedCollection {
    return new DCustomXmlPartScopedCollection(this.context, namespaceUri);
  }
}

export class DCustomXmlPartScopedCollection extends DPartList {
  protected readonly typeName = 'CustomXmlPartScopedCollection';
  protected readonly filter: Filter;

  constructor(context: DoubleRequestContext, namespaceUri: string) {
    super(context);
    this.filter = (p) => rootNamespaceOf(p.xml) === namespaceUri;
  }

  getOnlyItem(): DCustomXmlPart {
    return new DCustomXmlPart(this.context, () => {
      const found = this.parts();
      if (found.length === 0) throw errors.itemNotFound('getOnlyItem: no custom XML part of this namespace');
      if (found.length > 1) throw errors.invalidOperation('getOnlyItem: several custom XML parts of this namespace');
      return found[0];
    });
  }

  getOnlyItemOrNullObject(): DCustomXmlPart {
    const part = new DCustomXmlPart(this.context, () => {
      const found = this.parts();
      return found.length === 1 ? found[0] : null;
    });
    part.touch('CustomXmlPartScopedCollection.getOnlyItemOrNullObject');
    return part;
  }
}

export class DCustomXmlPart extends DObject<CustomXmlPartState> {
  protected readonly typeName = 'CustomXmlPart';
  protected readonly scalars = {
    id: { set: SET, get: (p: CustomXmlPartState) => p.id },
    namespaceUri: { set: SET, get: (p: CustomXmlPartState) => rootNamespaceOf(p.xml) },
  };

  constructor(context: DoubleRequestContext, find: () => CustomXmlPartState | null) {
    super(context, find);
  }

  protected override revalidate(t: CustomXmlPartState | null): void {
    if (t && !this.context.engine.state.customXmlParts.includes(t)) throw errors.itemNotFound(`custom XML part ${t.id} (deleted)`);
  }

  touch(api: string): void {
    this.instantiate(api, SET);
  }

  get id(): string {
    return this.value('id');
  }

  get namespaceUri(): string {
    return this.value('namespaceUri');
  }

  getXml(): DClientResult<string> {
    const result = new DClientResult<string>();
    this.context.enqueue({
      api: 'CustomXmlPart.getXml',
      set: SET,
      requestBytes: ACTION_BYTES,
      execute: () => {
        const xml = this.existing('getXml').xml;
        return { responseBytes: xml.length + 16, apply: () => result.set(xml) };
      },
    });
    return result;
  }

  setXml(xml: string): void {
    this.write('setXml', SET, xml, (p) => {
      p.xml = wellFormed(xml, 'xml');
    });
  }

  delete(): void {
    this.write('delete', SET, null, (p) => {
      const list = this.context.engine.state.customXmlParts;
      list.splice(list.indexOf(p), 1);
    });
  }
}

workbookMembers.customXmlParts = (context) => new DCustomXmlPartCollection(context);
