/**
 * yuzhong-2023 附件 重庆市渝中区区级技能大师工作室申报表. The seed holds only the form's cover
 * (申报单位, 专家姓名, 工作室职业（工种）, 填报时间); the body follows the materials 第六条（一）
 * lists (专家情况, 3—15人专家团队, 申报报告, 单位支持) and says so on the form.
 */
import { box, grid, heading, opinion, p, table } from '../../docx/blocks';
import {
  type ApplicationForm,
  achievementsText,
  gender,
  level,
  memberRow,
  yearMonth,
} from './application-data';

export const yuzhongApplication: ApplicationForm = {
  title: '重庆市渝中区区级技能大师工作室申报表',
  article: 'yuzhong-2023 附件；第六条（一）',
  body: (d) => [
    grid([
      ['申报单位', d.studio.unit.name],
      ['专家姓名', d.studio.leader.name],
      ['工作室职业（工种）', d.studio.trade],
      ['填报时间', d.asOf],
    ]),
    p('（政策原文只附申报表封面，以下栏目按第六条（一）所列申报材料编排。）', { size: 18 }),
    heading('拟命名专家基本情况'),
    grid([
      ['姓名', d.studio.leader.name],
      ['性别', gender(d.studio.leader.retirementCategory)],
      ['出生年月', yearMonth(d.studio.leader.birthDate)],
      ['职业（工种）', d.studio.trade],
      ['技能等级', level(d.studio.leader.skillLevel)],
      ['工作单位', d.studio.unit.name],
      ['身份证号码', ''],
      ['联系电话', ''],
    ]),
    box('区级以上获奖及技术认定、技术创新情况', achievementsText(d), 5),
    heading('专家团队（3—15人）'),
    table(
      ['姓名', '技能等级', '从业年限', '在团队中承担的工作'],
      d.members.map((m) => memberRow(m, ['name', 'level', 'years', 'blank'])),
      4,
    ),
    box('工作室申报报告（成立的必要性和现有优势、计划目标）', '', 6),
    box('单位对工作室的资金支持以及场所、设备等工作条件', '', 5),
    opinion('申报单位意见', '（盖章）'),
    opinion('行业主管部门初审意见', '（盖章）'),
    opinion('区人力社保局意见', '（盖章）'),
  ],
};
