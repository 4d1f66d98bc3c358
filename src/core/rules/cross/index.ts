import type { Rule } from '../types';
import { gk01Gk02Columns } from './gk01-gk02-columns';
import { gk01Gk03Classes } from './gk01-gk03-classes';
import { gk01Gk04Income } from './gk01-gk04-income';
import { gk02Gk03Rows } from './gk02-gk03-rows';
import { gk02Gk05Fiscal } from './gk02-gk05-fiscal';
import { gk03Gk05Bound } from './gk03-gk05-bound';
import { gk04Gk05Classes } from './gk04-gk05-classes';
import { gk04Gk07Fund } from './gk04-gk07-fund';
import { gk04Gk08Capital } from './gk04-gk08-capital';
import { gk05Gk06Basic } from './gk05-gk06-basic';
import { gk05Gk06Economic } from './gk05-gk06-economic';
import { gk06Gk09ThreePublic } from './gk06-gk09-three-public';
import { perfBaseGk09 } from './perf-base-gk09';
import { perfBaseProjects } from './perf-base-projects';
import { perfDeptGk05 } from './perf-dept-gk05';

/** The cross rules, one file each; test/core/rules/registry.test.ts checks this list against the folder. */
export const RULES: readonly Rule[] = [
  gk01Gk04Income, // B01
  gk01Gk02Columns, // B02
  gk01Gk03Classes, // B03
  gk02Gk03Rows, // B04
  gk04Gk05Classes, // B05
  gk04Gk07Fund, // B06
  gk04Gk08Capital, // B07
  gk05Gk06Basic, // B08
  gk03Gk05Bound, // B09
  gk02Gk05Fiscal, // B10
  gk06Gk09ThreePublic, // B11
  gk05Gk06Economic, // B12
  perfDeptGk05, // B13
  perfBaseGk09, // 基础数据表 三公 vs GK09
  perfBaseProjects, // 基础数据表 专项 vs 项目支出绩效自评表
];
