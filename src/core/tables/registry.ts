import { gk01 } from './gk01';
import { gk02 } from './gk02';
import { gk03 } from './gk03';
import { gk04 } from './gk04';
import { gk05 } from './gk05';
import { gk06 } from './gk06';
import { gk07 } from './gk07';
import { gk08 } from './gk08';
import { gk09 } from './gk09';
import { other } from './other';
import { perfBase } from './perf-base';
import { perfDept } from './perf-dept';
import { perfProject } from './perf-project';
import type { TableTemplate } from './template';

/** Every table template, one file each. OTHER is the fallback and stays last. */
export const TEMPLATES: readonly TableTemplate[] = [gk01, gk02, gk03, gk04, gk05, gk06, gk07, gk08, gk09, perfDept, perfProject, perfBase, other];
