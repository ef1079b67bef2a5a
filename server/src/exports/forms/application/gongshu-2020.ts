/** gongshu-2020 附件1 拱墅区技能大师工作室申报表, its fields in the annex's order. */
import { box, grid, heading, opinion, table } from '../../docx/blocks';
import {
  type ApplicationForm,
  achievementsText,
  gender,
  level,
  yearMonth,
} from './application-data';

export const gongshuApplication: ApplicationForm = {
  title: '拱墅区技能大师工作室申报表',
  article: 'gongshu-2020 附件1',
  body: (d) => [
    grid([
      ['申报单位（盖章）', d.studio.unit.name],
      ['工作室名称', d.studio.name],
    ]),
    heading('申报单位基本情况'),
    grid([
      ['单位全称', d.studio.unit.name],
      ['法定代表人姓名', ''],
      ['联系人', ''],
      ['固定电话', ''],
      ['手机', ''],
      ['传真电话', ''],
      ['电子邮箱', ''],
      ['通信地址', ''],
      ['邮编', ''],
    ]),
    box('单位简介（1000字以内）', '', 6),
    heading('领衔人基本情况'),
    grid(
      [
        ['姓名', d.studio.leader.name],
        ['性别', gender(d.studio.leader.retirementCategory)],
        ['民族', ''],
        ['出生年月', yearMonth(d.studio.leader.birthDate)],
        ['政治面貌', ''],
        ['学历', ''],
        ['职业（工种）', d.studio.trade],
        ['职业资格等级', level(d.studio.leader.skillLevel)],
        ['其它技能', ''],
        ['职务（职称）', ''],
        ['身份证号码', ''],
        ['从业时间', ''],
        ['固定电话', ''],
        ['手机', ''],
      ],
      2,
    ),
    box('工作简历', '', 5),
    box('技能特长及主要业绩', achievementsText(d), 5),
    box(
      '市级及以上获奖情况',
      achievementsText(
        {
          ...d,
          achievements: d.achievements.filter((a) =>
            ['city', 'provincial', 'national'].includes(a.level),
          ),
        },
        ['award'],
      ),
      4,
    ),
    heading('工作室成员情况'),
    table(
      [
        '姓名',
        '性别',
        '年龄',
        '学历',
        '职业（工种）',
        '职业资格等级或其它技能',
        '技能特长',
        '从业时间及主要业绩',
      ],
      d.members.map((m) => [
        m.name,
        '',
        '',
        '',
        d.studio.trade,
        level(m.skillLevel),
        '',
        m.yearsInTrade !== null ? `${m.yearsInTrade}年` : '',
      ]),
      6,
    ),
    box('工作室下一步工作计划', '', 6),
    opinion('所在单位意见', '（签章）'),
    opinion('专家评估意见', '（签章）'),
    opinion('区人力社保局审核意见', '（签章）'),
  ],
};
