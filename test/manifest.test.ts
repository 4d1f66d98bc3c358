/**
 * Offline checks of manifest.xml. The XML manifest's XSDs ship in no npm package and the online
 * validator is unreachable here, so this asserts the structure the schema (OfficeApp 1.1,
 * TaskPaneApp, VersionOverrides 1.0) requires and that every file the manifest points at exists.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.join(__dirname, '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const ORIGIN = 'https://localhost:3000/';

/** The sequence of OfficeApp's children that the 1.1 schema requires for a TaskPaneApp (subset used here). */
const SCHEMA_SEQUENCE = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'AllowSnapshot',
  'VersionOverrides',
];
const REQUIRED_CHILDREN = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;

const xml = fs.readFileSync(MANIFEST_PATH, 'utf8');

function parse(): Node {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml);
}

/** Element names of OfficeApp's children in document order (comments and text left out). */
function officeAppChildOrder(): string[] {
  const ordered: Node[] = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(xml);
  const root = ordered.find((n) => 'OfficeApp' in n);
  return (root.OfficeApp as Node[])
    .map((n) => Object.keys(n).find((k) => k !== ':@'))
    .filter((k): k is string => !!k && k !== '#text' && k !== '#comment');
}

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Every node in the tree under `n`, with its element name. */
function walk(n: Node, name = '', out: { name: string; node: Node }[] = []): { name: string; node: Node }[] {
  if (n === null || typeof n !== 'object') return out;
  if (Array.isArray(n)) {
    n.forEach((c) => walk(c, name, out));
    return out;
  }
  out.push({ name, node: n });
  for (const [k, v] of Object.entries(n)) if (!k.startsWith('@_')) walk(v, k, out);
  return out;
}

/** Every attribute value and text in the tree, except namespace declarations (identifiers, never fetched). */
function allValues(n: Node, out: string[] = []): string[] {
  if (typeof n === 'string') out.push(n);
  else if (n && typeof n === 'object') {
    for (const [k, v] of Object.entries(n)) if (!k.startsWith('@_xmlns')) allValues(v, out);
  }
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(0, 8).equals(signature)).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** https://localhost:3000/assets/x.png → <root>/assets/x.png */
function localFileFor(url: string): string {
  expect(url.startsWith(ORIGIN)).toBe(true);
  return path.join(ROOT, ...url.slice(ORIGIN.length).split('/'));
}

function expectPngOfSize(url: string, size: number): void {
  const file = localFileFor(url);
  expect(fs.existsSync(file)).toBe(true);
  expect(pngSize(file)).toEqual({ width: size, height: size });
}

describe('manifest.xml', () => {
  const doc = parse();
  const app = doc.OfficeApp;
  const vo = app?.VersionOverrides;
  const resources = vo?.Resources;

  const resourceIds = (group: string): Map<string, Node> =>
    new Map(asArray<Node>(resources?.[group]?.[group === 'bt:Images' ? 'bt:Image' : group === 'bt:Urls' ? 'bt:Url' : 'bt:String']).map((r) => [r['@_id'], r]));
  const images = resourceIds('bt:Images');
  const urls = resourceIds('bt:Urls');
  const shortStrings = resourceIds('bt:ShortStrings');
  const longStrings = resourceIds('bt:LongStrings');

  test('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test('root is a TaskPaneApp OfficeApp in the 1.1 namespace', () => {
    expect(app).toBeDefined();
    expect(app['@_xmlns']).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app['@_xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
    expect(app['@_xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
    expect(app['@_xsi:type']).toBe('TaskPaneApp');
  });

  test('children appear in the order of the schema sequence, none missing or repeated', () => {
    const order = officeAppChildOrder();
    expect(new Set(order).size).toBe(order.length);
    for (const name of order) expect(SCHEMA_SEQUENCE).toContain(name);
    const positions = order.map((n) => SCHEMA_SEQUENCE.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const name of REQUIRED_CHILDREN) expect(order).toContain(name);
  });

  test('Id is a GUID, Version has four parts, locale zh-CN', () => {
    expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(String(app.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.ProviderName).toBe('Gongkai Lens');
    expect(app.DefaultLocale).toBe('zh-CN');
  });

  test('DisplayName and Description are within limits and have en-US overrides', () => {
    const limits: [string, number][] = [
      ['DisplayName', 125],
      ['Description', 250],
    ];
    for (const [name, max] of limits) {
      const el = app[name];
      const value: string = el['@_DefaultValue'];
      expect(value.length).toBeGreaterThan(0);
      expect(value.length).toBeLessThanOrEqual(max);
      const overrides = asArray<Node>(el.Override);
      const en = overrides.find((o) => o['@_Locale'] === 'en-US');
      expect(en).toBeDefined();
      expect(en['@_Value'].length).toBeGreaterThan(0);
      expect(en['@_Value'].length).toBeLessThanOrEqual(max);
    }
    expect(app.DisplayName['@_DefaultValue']).toBe('决算公开助手');
    expect(app.DisplayName.Override['@_Value']).toBe('Gongkai Lens');
  });

  test('every URL is https', () => {
    const found = allValues(doc).filter((s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s));
    expect(found.length).toBeGreaterThan(5);
    for (const url of found) expect(url).toMatch(/^https:\/\/[^\s]+$/);
  });

  test('IconUrl (32) and HighResolutionIconUrl (64) are PNGs of that size under assets/', () => {
    expectPngOfSize(app.IconUrl['@_DefaultValue'], 32);
    expectPngOfSize(app.HighResolutionIconUrl['@_DefaultValue'], 64);
  });

  test('SupportUrl and AppDomains are present', () => {
    expect(app.SupportUrl['@_DefaultValue']).toMatch(/^https:\/\//);
    expect(asArray(app.AppDomains.AppDomain).length).toBeGreaterThan(0);
  });

  test('hosts Workbook and requires ExcelApi', () => {
    const hosts = asArray<Node>(app.Hosts.Host).map((h) => h['@_Name']);
    expect(hosts).toContain('Workbook');
    const sets = app.Requirements.Sets;
    expect(sets['@_DefaultMinVersion']).toBe('1.1');
    const excel = asArray<Node>(sets.Set).find((s) => s['@_Name'] === 'ExcelApi');
    expect(excel).toBeDefined();
    expect(excel['@_MinVersion']).toMatch(/^\d+\.\d+$/);
  });

  test('SourceLocation is taskpane.html, which the webpack config emits', () => {
    const source: string = app.DefaultSettings.SourceLocation['@_DefaultValue'];
    expect(source).toBe(`${ORIGIN}taskpane.html`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(ROOT, 'webpack.config.js'));
    const config = typeof factory === 'function' ? factory({}, { mode: 'production' }) : factory;
    const emitted = (config.plugins as Node[])
      .map((p) => p?.userOptions?.filename)
      .filter((f): f is string => typeof f === 'string');
    expect(emitted).toContain('taskpane.html');
    expect(app.Permissions).toBe('ReadWriteDocument');
  });

  test('VersionOverrides 1.0 puts a ShowTaskpane button on the Home tab', () => {
    expect(vo['@_xmlns']).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(vo['@_xsi:type']).toBe('VersionOverridesV1_0');
    const host = asArray<Node>(vo.Hosts.Host).find((h) => h['@_xsi:type'] === 'Workbook');
    expect(host).toBeDefined();
    const ext = asArray<Node>(host.DesktopFormFactor.ExtensionPoint).find((e) => e['@_xsi:type'] === 'PrimaryCommandSurface');
    expect(ext.OfficeTab['@_id']).toBe('TabHome');
    const controls = asArray<Node>(ext.OfficeTab.Group.Control);
    const button = controls.find((c) => c['@_xsi:type'] === 'Button' && c.Action?.['@_xsi:type'] === 'ShowTaskpane');
    expect(button).toBeDefined();
    expect(urls.get(button.Action.SourceLocation['@_resid'])?.['@_DefaultValue']).toBe(`${ORIGIN}taskpane.html`);
  });

  test('every resid resolves to a resource; ids and strings within limits', () => {
    const all = new Map([...images, ...urls, ...shortStrings, ...longStrings]);
    const referenced = walk(vo.Hosts)
      .map(({ node }) => node['@_resid'])
      .filter((r): r is string => typeof r === 'string');
    expect(referenced.length).toBeGreaterThan(0);
    for (const resid of referenced) {
      expect(all.has(resid) ? resid : `missing resource ${resid}`).toBe(resid);
    }
    for (const id of all.keys()) {
      expect(id.length).toBeGreaterThan(0);
      expect(id.length).toBeLessThanOrEqual(32);
    }
    const limits: [Map<string, Node>, number][] = [
      [shortStrings, 125],
      [longStrings, 250],
    ];
    for (const [group, max] of limits) {
      for (const s of group.values()) {
        expect(s['@_DefaultValue'].length).toBeLessThanOrEqual(max);
        for (const o of asArray<Node>(s['bt:Override'])) expect(o['@_Value'].length).toBeLessThanOrEqual(max);
      }
    }
  });

  test('ribbon icons are PNGs of their declared sizes (16/32/80)', () => {
    const uses = walk(vo.Hosts)
      .filter(({ name }) => name === 'bt:Image')
      .map(({ node }) => ({ size: Number(node['@_size']), resid: node['@_resid'] as string }));
    expect(new Set(uses.map((u) => u.size))).toEqual(new Set([16, 32, 80]));
    for (const { size, resid } of uses) {
      const image = images.get(resid);
      expect(image).toBeDefined();
      expectPngOfSize(image['@_DefaultValue'], size);
    }
  });
});
