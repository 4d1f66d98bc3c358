/**
 * Offline checks of manifest.xml (Excel) and manifest-word.xml (Word: the same pane). The XML
 * manifest's XSDs ship in no npm package and the online validator (`office-addin-manifest
 * validate`) needs the network, so this asserts the structure the schema (OfficeApp 1.1,
 * TaskPaneApp, VersionOverrides 1.0) requires, that every file a manifest points at exists, and
 * reads each manifest with office-addin-manifest's `info` command, which works offline (run as a
 * command: the package loads an ES module jest cannot require).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MINIMUM_EXCEL_API } from '../src/hosts/excel/features';

const ROOT = path.join(__dirname, '..');
const ORIGIN = 'https://localhost:3000/';

/** Each manifest: its file, its host (base manifest and VersionOverrides), its requirement set, the Office app. */
const MANIFESTS = [
  { file: 'manifest.xml', host: 'Workbook', set: 'ExcelApi', version: MINIMUM_EXCEL_API },
  { file: 'manifest-word.xml', host: 'Document', set: 'WordApi', version: '1.3' },
] as const;

/** `office-addin-manifest info FILE`, as "Key: value" pairs (nested keys by their own name). */
function manifestInfo(file: string): Map<string, string> {
  const cli = require.resolve('office-addin-manifest/cli.js', { paths: [ROOT] });
  const run = spawnSync(process.execPath, [cli, 'info', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`office-addin-manifest info ${file} failed (${run.status}): ${run.stderr}`);
  const out = new Map<string, string>();
  for (const line of run.stdout.split('\n')) {
    const m = /^\s*([^:]+):\s*(.*)$/.exec(line);
    if (m) out.set(m[1].trim(), m[2].trim());
  }
  return out;
}

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

function parse(xml: string): Node {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml);
}

/** Element names of OfficeApp's children in document order (comments and text left out). */
function officeAppChildOrder(xml: string): string[] {
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

describe.each(MANIFESTS)('$file', ({ file, host: hostName, set: setName, version }) => {
  const manifestPath = path.join(ROOT, file);
  const xml = fs.readFileSync(manifestPath, 'utf8');
  const doc = parse(xml);
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
    const order = officeAppChildOrder(xml);
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

  test(`hosts ${hostName} only and requires ${setName} ${version}, the minimum the host needs`, () => {
    const hosts = asArray<Node>(app.Hosts.Host).map((h) => h['@_Name']);
    // a manifest's requirements hold for every host it names: one host each
    expect(hosts).toEqual([hostName]);
    const sets = app.Requirements.Sets;
    expect(sets['@_DefaultMinVersion']).toBe('1.1');
    const all = asArray<Node>(sets.Set);
    expect(all.map((s) => [s['@_Name'], s['@_MinVersion']])).toEqual([[setName, version]]);
  });

  test('office-addin-manifest info reads it (offline) as a task pane add-in of its host', () => {
    const info = manifestInfo(file);
    expect(info.get('Id')).toBe(String(app.Id));
    expect(info.get('Type')).toBe('TaskPaneApp');
    expect(info.get('Hosts')).toBe(hostName);
    expect(info.get('Source Location')).toBe(`${ORIGIN}taskpane.html`);
    expect(info.get('Permissions')).toBe('ReadWriteDocument');
    expect(info.get('Name')).toBe('决算公开助手');
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
    const host = asArray<Node>(vo.Hosts.Host).find((h) => h['@_xsi:type'] === hostName);
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

describe('the two manifests', () => {
  const read = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8')).OfficeApp;
  const [excel, word] = MANIFESTS.map((m) => read(m.file));

  test('are two add-ins (two ids) with the one pane, the same icons and domains', () => {
    expect(String(excel.Id)).not.toBe(String(word.Id));
    for (const key of ['SourceLocation']) expect(word.DefaultSettings[key]).toEqual(excel.DefaultSettings[key]);
    for (const key of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'DisplayName', 'Version', 'ProviderName']) expect(word[key]).toEqual(excel[key]);
    expect(word.VersionOverrides.Resources['bt:Urls']).toEqual(excel.VersionOverrides.Resources['bt:Urls']);
  });

  test('the Excel minimum is the one the Excel host checks at run time', () => {
    expect(MINIMUM_EXCEL_API).toBe('1.3');
  });
});
