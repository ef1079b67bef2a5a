/** shunyi-2023 附件1 顺义区技能大师工作室申报表, its fields in the annex's order. */
import { box, grid, heading, opinion } from '../../docx/blocks';
import { type ApplicationForm, gender, level, yearMonth } from './application-data';

export const shunyiApplication: ApplicationForm = {
  title: '顺义区技能大师工作室申报表',
  article: 'shunyi-2023 附件1',
  body: (d) => [
    grid([
      ['申报单位（盖章）', d.studio.unit.name],
      ['工作室名称', d.studio.name],
      ['填报时间', d.asOf],
    ]),
    heading('技能大师基本情况'),
    grid([
      ['姓名', d.studio.leader.name],
      ['性别', gender(d.studio.leader.retirementCategory)],
      ['民族', ''],
      ['出生年月', yearMonth(d.studio.leader.birthDate)],
      ['政治面貌', ''],
      ['学历', ''],
      ['职业（工种）', d.studio.trade],
      ['职业资格/技能等级', level(d.studio.leader.skillLevel)],
      ['职务', ''],
      ['参加工作时间', ''],
      ['身份证号码', ''],
      ['办公室电话', ''],
      ['手机号码', ''],
    ]),
    box('所在单位对工作室（支持措施）', '', 5),
    box('工作室主要工作方向', '', 5),
    opinion('申报单位意见', '（盖章）'),
    opinion('专家评估意见', '（签字）'),
    opinion('区人力资源社会保障局意见', '区人力资源社会保障局（盖章）'),
  ],
};
