/**
 * The analysis of a workbook that changes while it is open (the Excel host's live re-check): after
 * an edit only the touched sheets are recognized again and only the rules whose result depends on
 * them run again — a rule depends on the sheets it read and on the table types it looked for, as
 * recorded when it last ran. The findings are then exactly those of a full analysis of the changed
 * workbook (test/core/live.test.ts checks this on every sample), with the same stable ids, so a host
 * can update its marks by id.
 */
import type { Finding } from './findings';
import type { Grid, Workbook } from './grid/grid';
import { newReadingCache, type CheckSettings, type ReadingCache } from './reading';
import type { RuleDependencies } from './rules/context';
import { RULES } from './rules/registry';
import { finishFindings, runEach, type RuleRun } from './rules/run';
import type { Rule } from './rules/types';
import { recognizeSheet, type Recognition, type Unrecognized } from './tables/recognize';
import type { SemanticTable, TableType } from './tables/types';

export interface WorkbookChange {
  /** Sheets read again (changed, added, or renamed: under their new name). */
  sheets?: readonly Grid[];
  /** Sheets that are gone. */
  removed?: readonly string[];
  /** Sheets renamed, as [old name, new name]; the renamed sheet must be among `sheets`. */
  renamed?: readonly (readonly [string, string])[];
  /** The sheet names in workbook order, when it changed. */
  order?: readonly string[];
}

export interface LiveUpdate {
  findings: Finding[];
  /** Findings whose id was not there before. */
  appeared: Finding[];
  /** Findings of before whose id is gone (fixed, or their table is gone). */
  resolved: Finding[];
  /** Rules run again for this update (for the bench and the tests). */
  rerun: number;
}

export class LiveAnalysis {
  private sheets: Grid[];
  private readonly name: string;
  private readonly bySheet = new Map<string, Recognition>();
  private runs: RuleRun[] = [];
  /** Readings of the sheets that did not change are reused from one update to the next. */
  private readonly cache: ReadingCache = newReadingCache();
  tables: SemanticTable[] = [];
  unrecognized: Unrecognized[] = [];
  findings: Finding[] = [];

  constructor(
    workbook: Workbook,
    private readonly settings: Partial<CheckSettings> = {},
    private readonly rules: readonly Rule[] = RULES,
  ) {
    this.name = workbook.name;
    this.sheets = [...workbook.sheets];
    for (const g of this.sheets) this.bySheet.set(g.name, recognizeSheet(g));
    this.collect();
    this.runs = runEach(this.workbook, this.tables, this.settings, this.rules, undefined, this.cache);
    this.findings = finishFindings(this.runs, this.tables);
  }

  /** The workbook as it is now. */
  get workbook(): Workbook {
    return { name: this.name, sheets: this.sheets };
  }

  update(change: WorkbookChange): LiveUpdate {
    const changed = new Set<string>();
    const typesBefore = (names: Iterable<string>) => {
      const out = new Set<TableType>();
      for (const n of names) for (const t of this.bySheet.get(n)?.tables ?? []) out.add(t.type);
      return out;
    };
    const touched = [...(change.removed ?? []), ...(change.renamed ?? []).map(([from]) => from), ...(change.sheets ?? []).map((g) => g.name)];
    const types = typesBefore(touched);

    for (const name of [...(change.removed ?? []), ...(change.renamed ?? []).map(([from]) => from)]) {
      this.sheets = this.sheets.filter((g) => g.name !== name);
      this.bySheet.delete(name);
      changed.add(name);
    }
    for (const [, to] of change.renamed ?? []) {
      if (!(change.sheets ?? []).some((g) => g.name === to)) throw new Error(`renamed sheet “${to}” must be read again`);
    }
    for (const g of change.sheets ?? []) {
      const at = this.sheets.findIndex((s) => s.name === g.name);
      if (at >= 0) this.sheets[at] = g;
      else this.sheets.push(g);
      const r = recognizeSheet(g);
      this.bySheet.set(g.name, r);
      for (const t of r.tables) types.add(t.type);
      changed.add(g.name);
    }
    if (change.order) {
      const rank = new Map(change.order.map((n, i) => [n, i]));
      this.sheets.sort((a, b) => (rank.get(a.name) ?? Infinity) - (rank.get(b.name) ?? Infinity));
    }
    this.collect();

    const stale = (d: RuleDependencies) =>
      [...d.sheets].some((s) => changed.has(s)) || (d.types === 'all' ? types.size > 0 : [...d.types].some((t) => types.has(t)));
    const again = this.runs.filter((r) => stale(r.dependencies)).map((r) => r.rule);
    // A rule that checks each table on its own runs on the changed sheets' tables only; its findings
    // about the other tables stay.
    const perTable = again.filter((r) => r.meta.scope === 'table');
    const whole = again.filter((r) => r.meta.scope !== 'table');
    const changedTables = this.tables.filter((t) => changed.has(t.sheet));
    const fresh = new Map(runEach(this.workbook, this.tables, this.settings, whole, undefined, this.cache).map((r) => [r.rule, r]));
    const partial = new Map(runEach(this.workbook, changedTables, this.settings, perTable, undefined, this.cache).map((r) => [r.rule, r]));
    this.runs = this.runs.map((r) => {
      const all = fresh.get(r.rule);
      if (all) return all;
      const some = partial.get(r.rule);
      if (!some) return r;
      const kept = r.findings.filter((f) => !f.cells[0] || !changed.has(f.cells[0].sheet));
      const sheets = new Set([...r.dependencies.sheets].filter((n) => !changed.has(n)));
      for (const n of some.dependencies.sheets) sheets.add(n);
      const typesSeen = r.dependencies.types === 'all' || some.dependencies.types === 'all' ? 'all' : new Set([...r.dependencies.types, ...some.dependencies.types]);
      const tallies = new Map([...r.tallies].filter(([t]) => !changed.has(t.sheet)));
      for (const [t, n] of some.tallies) tallies.set(t, n);
      return { rule: r.rule, findings: [...kept, ...some.findings], dependencies: { sheets, types: typesSeen }, tallies };
    });

    const before = new Map(this.findings.map((f) => [f.id, f]));
    this.findings = finishFindings(this.runs, this.tables);
    const after = new Set(this.findings.map((f) => f.id));
    return {
      findings: this.findings,
      appeared: this.findings.filter((f) => !before.has(f.id)),
      resolved: [...before.values()].filter((f) => !after.has(f.id)),
      rerun: again.length,
    };
  }

  private collect(): void {
    this.tables = this.sheets.flatMap((g) => this.bySheet.get(g.name)?.tables ?? []);
    this.unrecognized = this.sheets.flatMap((g) => this.bySheet.get(g.name)?.unrecognized ?? []);
  }
}
