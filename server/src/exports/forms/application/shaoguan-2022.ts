/** shaoguan-2022 附件 韶关市技能大师工作室申请表, its fields in the annex's order. */
import { box, grid, opinion } from '../../docx/blocks';
import { type ApplicationForm, achievementsText, area, gender, level, yearMonth } from './application-data';

export const shaoguanApplication: ApplicationForm = {
  title: '韶关市技能大师工作室申请表',
  article: 'shaoguan-2022 附件',
  body: (d) => [
    grid([['申报单位', d.studio.unit.name], ['工作室职业（工种）', d.studio.trade], ['填报时间', d.asOf]]),
    grid([
      ['申报单位名称', d.studio.unit.name], ['单位性质', ''], ['负责人', ''], ['办公电话', ''], ['联系人', ''], ['办公电话', ''], ['手机', ''], ['E-mail', ''],
      ['传真', ''], ['通信地址', ''], ['邮政编码', ''], ['开户银行及账号', ''],
      ['技能大师领办人', d.studio.leader.name], ['性别', gender(d.studio.leader.retirementCategory)], ['民族', ''], ['出生年月', yearMonth(d.studio.leader.birthDate)],
      ['参加工作时间', ''], ['政治面貌', ''], ['身份证号', ''], ['工作单位及职务', d.studio.unit.name],
      ['从事职业（工种）', d.studio.trade], ['职业技能等级', level(d.studio.leader.skillLevel)], ['获何种技术能手称号', ''], ['联系电话', ''],
      ['工作室地点', ''], ['工作室面积', area(d.studio.areaSqm)], ['工作室基本设施', d.studio.hasEquipment ? '已配备' : ''], ['工作室人员', `${d.members.length + 1} 人（含领办人）`],
    ]),
    box('技能大师工作业绩、专利情况、主要创新发明等情况（可另附页）', achievementsText(d), 6),
    opinion('申报单位意见', '（签字盖章）'),
    opinion('专家组评审意见', '专家组组长（签字）：'),
    opinion('市人力资源和社会保障局认定意见', ''),
  ],
};
