import type { Finding } from '../../../src/core/findings';
import { Decimal } from '../../../src/core/money/decimal';
import { checkNarrative } from '../../../src/core/narrative/check';
import { buildFacts } from '../../../src/core/narrative/facts';
import { NarrativeSession } from '../../../src/core/narrative/session';
import { readNarrative } from '../../../src/core/narrative/statements';
import type { Fact } from '../../../src/core/narrative/types';
import { RuleContext } from '../../../src/core/rules/context';
import { recognizeFixture } from '../../helpers/fixtures';

/**
 * Consistent sentences of every kind the checker reads, written as real reports write them (varied
 * wording, PDF spaces, full-width forms), must give no finding: a false "错误" costs more trust than a
 * missed one. Numbers no table or other number vouches for are listed as info, which is no finding.
 */
const checkedFindings = (findings: Finding[]) => findings.filter((f) => !f.unresolved).map((f) => `${f.rule} ${f.quote}: ${f.message}`);

/** A 自评报告 of an imaginary unit: every number agrees with the others. */
const REPORT = `
2024年度某市住房保障中心部门整体支出绩效自评报告
一、部门基本情况
我单位2024年人员编制数57人，其中在职人员53人。现有股室6个，在职人员53人（其中预算编制人员49人）。
二、部门整体支出情况
1.收入预算。2024年年初预算数3550.44万元，全部为一般公共预算拨款。收入较去年增加2415.06万元，主要原因是增加了购房补贴。
2.支出预算。2024年年初预算数3550.44万元，其中，基本支出870.34万元、项目支出2680.1万元。基本支出较去年减少63.04万元，项目较去年增加2478.1万元，基本支出减少的主要原因是人员退休。
3.支出决算。2024年支出决算数1403.23万元，其中：基本支出859.70万元、项目支出543.53万元。按经济分类支出合计1403.23万元，其中工资福利支出720.29万元、商品和服务支出611.11万元、对个人和家庭的补助65.59万元、资本性支出6.24万元。
4.基本支出情况。本单位2024年基本支出859.70万元，其中：人员经费782.19万元，占基本支出的90.98%，主要包括基本工资、津贴补贴、奖金、绩效工资；日常公用经费77.51万元，占基本支出的9.02%，主要包括办公费、印刷费、水费、电费。
5.项目支出情况。2024年年初预算数为2680.1万元，是指单位为完成特定工作任务而发生的支出。其中：白蚁防治服务支出162万元，主要用于预防和灭治用药水和施工劳务费；住保业务专项工作经费18.1万元，主要弥补正常运转所需经费。市中心城区购房补贴2500万元，用于发放契税补贴。另有未纳入本部门预算的专项经费589.34万元。
（1）项目资金实际使用情况。2024年度白蚁防治项目使用专项资金9.74万元，结余资金98.97万元，专项资金使用率8.96％；公租房后续管理使用专项资金494.52万元，结余资金94.82万元，专项资金使用率83.91%。
6.“三公”经费。2024年度“三公”经费预算为3.1万元，支出决算为3.45万元，完成预算的111.29%，决算数大于预算数的主要原因是专用车辆维护支出增加。“三公”经费支出决算3.45万元，其中：因公出国（境）支出决算0万元，占“三公”经费的0%；公务用车购置及运行维护费支出决算3.45万元，占“三公”经费的100%；公务接待费支出决算0万元，占“三公”经费的0%。与上年决算数3.04万元相比，增加0.41万元，增长13.49%。
三、资产管理情况
2024年本单位资产总计为663.18万元，其中流动资产为236.54万元，固定资产为426.64万元。
四、部门整体支出绩效情况
（一）维修资金。2024年追缴现金入库2753.02万元，完成年度目标任务28.8%（市追缴办下达的追缴任务为9558.96万元）。
（二）公租房管理。三个公租房小区共有住房5478套，现有住户5361户；收取租金858.69万元（住房584.42万元、门面274.27万元），租金收取率99.53%；完成租赁资格年审5016户。
（三）白蚁防治。实施白蚁灭治施工13处，其中房屋7处，树木6处。
（四）购房补贴。已完成购房补贴发放1255户（其中，第一批490户，第二批765户），第三批799户正在审核中。建设筹集保障性租赁住房4018套(间)，完成全年目标(4000套)的100.45%；发放租赁补贴1509户，完成全年目标(1200户)的125.75%。
（五）信访。共回复处理各类信访件902件，其中市长热线728件、网格中心20件、信访局56件、网络问政68件，百姓呼声15件、问政湖南12件、领导留言板3件，回复率100%。
（六）老旧小区。全年完成老旧小区改造 39 个，涉及房屋 325 栋、居民 13822 户、建筑面积 113.11 万平方米。完工改造 39 个老旧小区，惠及居民 13822 户，改造栋数 325 栋，涉及建筑面积 113.11 万平方米。
五、综合评价
根据《部门整体支出绩效自评表》，预算执行情况 9 分，产出指标 48.5 分，效益指标 30 分，满意度指标 10 分，总得分 97.5 分，评价等级为"优"。
2024年度白蚁防治经费项目支出绩效评价报告
一、项目支出基本情况
1.资金到位情况：白蚁防治项目经批复，预算为22万元。2024年实际拨付我单位资金为22万元。
2.资金使用情况：根据实际工作情况，白蚁防治项目共计支出22万元。
三、项目支出产出情况
白蚁防治经费使用率指标值为100%，实际完成100%，完成率100%。
2024年度帮代办工作经费项目支出绩效评价报告
一、项目支出基本情况
1.资金到位情况：帮代办项目经批复，预算为45万元。
2.资金使用情况：帮代办项目共计支出36万元。
三、项目支出产出情况
帮代办经费使用率指标值为100%，实际完成80%，完成率80%。
`;

/** A 情况说明 in the words of real ones, every number agreeing with the 江岸 2024 tables. */
const QINGKUANG = `
一、收入支出决算总体情况说明
2024年度收、支总计22899.22万元。与2023年度相比，收、支总计各增加11584.58万元，增长102.39%，主要原因是住房保障支出增加12185.80万元。
二、收入决算情况说明
２０２４年度收入合计２２８９９．２２万元，其中：财政拨款收入２２８５４．２７万元，占本年收入９９．８０％；其他收入44.96万元，占本年收入0.20%。
三、支出决算情况说明
2024年度支出合计 22899. 22 万元，其中：基本支出1494.57万元，占本年支出6.53%；项目支出21404.66万元，占本年支出93.47%。
四、财政拨款收入支出决算总体情况说明
政府性基金预算财政拨款收入0万元，与2023年度决算数相同。
五、一般公共预算财政拨款支出决算情况说明
（一）2024年度一般公共预算财政拨款支出22854.27万元，占本年支出合计的99.80%。
（二）2024年度一般公共预算财政拨款支出22854.27万元，主要用于：1. 住房保障(类)支出20958.26万元，占91.70%；2. 城乡社区支出1283.93万元，占5.62%。
（三）其中：基本支出1449.61万元，项目支出21404.66万元。保障性住房租金补贴(项)支出946.99万元。
六、一般公共预算财政拨款基本支出决算情况说明
2024年度一般公共预算财政拨款基本支出1449.61万元，其中：人员经费1375.45万元，公用经费74.15万元。
九、财政拨款“三公”经费支出决算情况说明
2024年度“三公”经费财政拨款支出全年预算为8.82万元，支出决算为0.182万元，完成全年预算的2.06%。决算数小于全年预算数的主要原因：厉行节约。
1. 因公出国（境）费全年预算为0万元，支出决算为0万元，完成全年预算的100%。
2. 公务接待费全年预算为0万元，支出决算为0万元，完成全年预算的100%。
十、机关运行经费支出说明
2024年度机关运行经费支出74.15万元，比年初预算数增加18.26万元，增长32.67%。
十二、国有资产占用情况说明
截至2024年12月31日，共有车辆4辆，其中，二级单位车辆3辆；抢险排危专用车辆1辆。
十三、预算绩效情况说明
（一）共涉及项目7个，资金21311.62万元，占一般公共预算项目支出总额的99.57%。
（二）我单位组织对7个部门开展整体支出绩效自评，资金22854.27万元。
（三）1. 物业管理专项经费项目绩效自评综述：项目全年预算为1800万元，执行1800万元，执行率100%。
`;

describe('consistent sentences of every kind give no finding', () => {
  test('a 自评报告 (no tables): lists with words between, counts, changes and their parts, rates, shares, scores, 项目 reports', () => {
    const { findings, verified } = checkNarrative(readNarrative(REPORT), []);
    expect(checkedFindings(findings)).toEqual([]);
    // and they were checked, not just left alone
    const checked = new Set(verified.map((v) => v.claim.quote));
    for (const q of ['2415.06万元', '2680.1万元', '90.98%', '8.96％', '111.29%', '13.49%', '28.8%', '100.45%', '125.75%', '902件', '13处', '97.5 分', '80%']) expect(checked).toContain(q);
  });

  test('a 情况说明 against the 江岸 tables: amounts, shares, 0 ÷ 0 one way, changes with their reasons, the bound of 机关运行经费, 项, projects', async () => {
    const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
    const facts: Fact[] = buildFacts(new RuleContext(r.workbook, r.tables));
    const { findings, resolved } = checkNarrative(readNarrative(QINGKUANG), facts, {
      year: 2024,
      prior: { 收支总计: new Decimal('11314.64'), '财政拨款收入.政府性基金': new Decimal(0) },
      budget: { '机关运行经费.年初预算': new Decimal('55.89') },
    });
    expect(checkedFindings(findings)).toEqual([]);
    expect(resolved.length).toBeGreaterThan(25);
    // the same text through a session of the workbook
    expect(checkedFindings(new NarrativeSession(r.workbook, r.tables).check(QINGKUANG).findings)).toEqual([]);
  });
});
