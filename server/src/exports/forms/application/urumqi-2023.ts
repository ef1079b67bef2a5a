/** urumqi-2023 附件1 乌鲁木齐市技能大师工作室申报表, its fields in the annex's order. */
import { citeZh, LABELS_ZH } from '@master-studio/shared-rules';
import { box, grid, heading, opinion, table } from '../../docx/blocks';
import {
  type ApplicationForm,
  achievementsText,
  area,
  gender,
  level,
  memberRow,
} from './application-data';

// urumqi-2023 附件1 申办单位的支持措施: the unit's pledge as printed on the form.
const PLEDGE =
  '本单位郑重承诺：自被纳入市级技能大师工作室建设项目后，我单位将提供不低于市级补助资金的配套资金；配套资金和市级补助资金实行专款专用，主要用于技能大师工作室设施设备、人才培训、技能交流推广、技术技能创新研发等工作，并在建设周期内使用完毕，确保经费使用效益。建设期满后，还将提供相应的配套资金，主要用于领办人带徒津贴、研究（攻关）项目补贴以及日常工作费用等。\n\n申办单位（盖章）：\n年    月    日';

export const urumqiApplication: ApplicationForm = {
  title: '乌鲁木齐市技能大师工作室申报表',
  article: 'urumqi-2023 附件1',
  body: (d) => [
    grid([
      ['申报单位（公章）', d.studio.unit.name],
      ['工作室名称', d.studio.name],
      ['职业（工种）', d.studio.trade],
      ['填报时间', d.asOf],
    ]),
    heading('领办人'),
    grid([
      ['姓名', d.studio.leader.name],
      ['性别', gender(d.studio.leader.retirementCategory)],
      ['民族', ''],
      ['政治面貌', ''],
      ['工作单位', d.studio.unit.name],
      ['联系电话', ''],
      ['工作室地点', ''],
      ['工作室面积', area(d.studio.areaSqm)],
      ['学历（学位）', ''],
      ['参加工作时间', ''],
      ['从事职业（工种）', d.studio.trade],
      ['行政职务', ''],
      ['职业资格或职业技能等级', level(d.studio.leader.skillLevel)],
      ['身份证号', ''],
      ['通讯地址', ''],
      ['手机号码', ''],
    ]),
    heading('技能大师工作室其他人员（若人员较多可另附表）'),
    table(
      ['姓名', '职业资格或职业技能等级/专业技术等级', '年龄', '突出业绩'],
      d.members.map((m) => memberRow(m, ['name', 'level', 'blank', 'blank'])),
      6,
    ),
    heading('领办人主要获奖情况'),
    table(
      ['获奖项目', '奖励名称', '授予单位', '等级', '排名', '年度'],
      d.achievements
        .filter((a) => a.kind === 'award')
        .map((a) => [
          a.title,
          '',
          '',
          (LABELS_ZH.achievementLevels as Record<string, string>)[a.level] ?? a.level,
          '',
          a.date.slice(0, 4),
        ]),
      4,
    ),
    box('领办人主要工作业绩（可另附页详细阐述）', achievementsText(d), 5),
    box('申办单位简介（包括生产、科研以及高技能人才队伍情况）', '', 5),
    box('申办单位的支持措施', PLEDGE),
    box('技能大师工作室主要工作方向（可另附页详细阐述）', '', 4),
    box(
      '技能大师工作室建设预期目标（可另附页详细阐述）',
      d.progress.targets
        .map(
          (t) =>
            `${LABELS_ZH.targets[t.id]}：${t.max !== undefined ? `${t.required}–${t.max}` : `不少于 ${t.required}`}（${citeZh(t.article)}）`,
        )
        .join('\n'),
      4,
    ),
    opinion('申办单位意见', '签字盖章：'),
    opinion('区（县）人力资源和社会保障局推荐意见', '签字盖章：'),
    opinion('专家评估意见', '签字：'),
    opinion('市人力资源和社会保障局意见', '签字盖章：'),
  ],
};
