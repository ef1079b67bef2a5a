/**
 * Demo data for the quick start: five jurisdictions (one per policy), their units and
 * studios with realistic Chinese names, rosters, activities with check-ins, certificates,
 * funds, plans and results, and one demo account per role. Dates are relative to today
 * (Asia/Shanghai) so every dashboard shows a live picture: some studios on track, some
 * behind. Deterministic: the same day gives the same data.
 */

export interface StudioPlan {
  key: string;
  jurisdiction: number; // index into JURISDICTIONS
  unit: number; // index into UNITS
  leader: { name: string; birthYear: number; category: string; level: string };
  trade: string;
  nameSuffix: string; // 技能大师工作室 or 区级技能大师工作室
  recognizedYearsAgo: number;
  recognizedMonth: string; // MM-DD
  members: [string, string, boolean, number][]; // name, level, fullTime, years
  apprentices: number;
  talentsThisPeriod: number; // certificates at senior+ recorded
  activitiesPerMonth: number;
  strong: boolean; // keeps paperwork and exchanges up to date
}

export const JURISDICTIONS: [string, string][] = [
  ['乌鲁木齐市', 'urumqi-2023'],
  ['杭州市拱墅区', 'gongshu-2020'],
  ['重庆市渝中区', 'yuzhong-2023'],
  ['北京市顺义区', 'shunyi-2023'],
  ['韶关市', 'shaoguan-2022'],
];

export const UNITS: [string, number][] = [
  ['新疆天山装备制造有限公司', 0],
  ['乌鲁木齐市高级技工学校', 0],
  ['杭州运河机电有限公司', 1],
  ['杭州拱宸汽车服务有限公司', 1],
  ['重庆解放碑餐饮管理有限公司', 2],
  ['北京顺航航空地面服务有限公司', 3],
  ['韶关粤北特钢有限公司', 4],
];

export const PLANS: StudioPlan[] = [
  {
    key: 'zjg',
    jurisdiction: 0,
    unit: 0,
    leader: { name: '张建国', birthYear: 1972, category: 'male', level: 'senior_technician' },
    trade: '焊工',
    nameSuffix: '技能大师工作室',
    recognizedYearsAgo: 1,
    recognizedMonth: '03-01',
    members: [
      ['马晓东', 'technician', true, 12],
      ['阿不都热合曼·吐尔逊', 'technician', true, 9],
      ['周凯', 'senior', false, 6],
    ],
    apprentices: 10,
    talentsThisPeriod: 3,
    activitiesPerMonth: 2,
    strong: true,
  },
  {
    key: 'lwd',
    jurisdiction: 0,
    unit: 1,
    leader: { name: '李卫东', birthYear: 1968, category: 'male', level: 'technician' },
    trade: '数控车工',
    nameSuffix: '技能大师工作室',
    recognizedYearsAgo: 2,
    recognizedMonth: '01-10',
    members: [['赵兵', 'senior', true, 7]],
    apprentices: 6,
    talentsThisPeriod: 1,
    activitiesPerMonth: 0.4,
    strong: false,
  },
  {
    key: 'glz',
    jurisdiction: 0,
    unit: 0,
    leader: {
      name: '古丽娜尔·买买提',
      birthYear: 1978,
      category: 'female_cadre',
      level: 'senior_technician',
    },
    trade: '电工',
    nameSuffix: '技能大师工作室',
    recognizedYearsAgo: 1,
    recognizedMonth: '09-15',
    members: [
      ['王磊', 'technician', true, 10],
      ['努尔兰·哈力克', 'senior_technician', true, 15],
    ],
    apprentices: 8,
    talentsThisPeriod: 4,
    activitiesPerMonth: 1.5,
    strong: true,
  },
  {
    key: 'whf',
    jurisdiction: 1,
    unit: 2,
    leader: { name: '王海峰', birthYear: 1975, category: 'male', level: 'senior_technician' },
    trade: '汽车维修工',
    nameSuffix: '技能大师工作室',
    recognizedYearsAgo: 2,
    recognizedMonth: '06-01',
    members: [
      ['钱志刚', 'technician', true, 11],
      ['孙悦', 'technician', true, 8],
      ['吴斌', 'senior', true, 6],
    ],
    apprentices: 9,
    talentsThisPeriod: 3,
    activitiesPerMonth: 1.5,
    strong: true,
  },
  {
    key: 'clp',
    jurisdiction: 1,
    unit: 3,
    leader: { name: '陈丽萍', birthYear: 1980, category: 'female_worker', level: 'technician' },
    trade: '中式烹调师',
    nameSuffix: '技能大师工作室',
    recognizedYearsAgo: 1,
    recognizedMonth: '04-20',
    members: [
      ['郑浩', 'senior', true, 5],
      ['冯雪', 'technician', false, 7],
    ],
    apprentices: 5,
    talentsThisPeriod: 1,
    activitiesPerMonth: 0.6,
    strong: false,
  },
  {
    key: 'lzq',
    jurisdiction: 2,
    unit: 4,
    leader: { name: '刘志强', birthYear: 1974, category: 'male', level: 'senior_technician' },
    trade: '中式面点师',
    nameSuffix: '区级技能大师工作室',
    recognizedYearsAgo: 1,
    recognizedMonth: '05-01',
    members: [
      ['何静', 'technician', true, 9],
      ['邓超', 'technician', true, 6],
      ['唐敏', 'senior', true, 5],
    ],
    apprentices: 6,
    talentsThisPeriod: 2,
    activitiesPerMonth: 1,
    strong: true,
  },
  {
    key: 'zm',
    jurisdiction: 3,
    unit: 5,
    leader: { name: '赵明', birthYear: 1970, category: 'male', level: 'senior_technician' },
    trade: '民航机务维修员',
    nameSuffix: '技能大师工作室',
    recognizedYearsAgo: 1,
    recognizedMonth: '10-08',
    members: [
      ['高翔', 'technician', true, 13],
      ['林涛', 'technician', true, 10],
      ['宋佳', 'senior', true, 6],
    ],
    apprentices: 8,
    talentsThisPeriod: 2,
    activitiesPerMonth: 1.2,
    strong: true,
  },
  {
    key: 'hw',
    jurisdiction: 4,
    unit: 6,
    leader: { name: '黄伟', birthYear: 1976, category: 'male', level: 'senior_technician' },
    trade: '轧钢工',
    nameSuffix: '技能大师工作室',
    recognizedYearsAgo: 2,
    recognizedMonth: '07-01',
    members: [
      ['梁志勇', 'technician', true, 14],
      ['罗建华', 'senior', true, 8],
    ],
    apprentices: 7,
    talentsThisPeriod: 2,
    activitiesPerMonth: 1,
    strong: false,
  },
];

export const APPRENTICE_NAMES =
  '李明 王芳 张伟 刘洋 陈杰 杨帆 赵磊 黄婷 周鹏 吴昊 徐静 孙浩 马超 朱丽 胡斌 郭琳 何涛 高峰 林雪 罗勇 梁爽 宋宇 郑凯 谢楠 韩冰 唐亮 冯媛 于洋 董鑫 萧然 程琳 曹阳 袁博 邓洁 许诺 傅强 沈悦 曾毅 彭飞 吕敏 苏航 卢月 蒋晨 蔡文 贾宁 丁辉 魏巍 薛娜 叶青 阎峰 余航 潘睿 杜鹃 戴军 夏雨 钟华 汪洋 田甜 任杰 姜涛'.split(
    ' ',
  );

export const TITLES: Record<string, string[]> = {
  training: ['岗位技能提升培训', '新工艺操作培训', '安全操作规程培训', '技能等级认定考前辅导'],
  internal_exchange: ['工作室内部技术交流', '师徒经验分享会'],
  industry_exchange: ['行业技术交流会', '区域技能大师论坛', '新技术展示观摩'],
  tech_project: ['生产难题技术攻关', '工艺参数优化攻关'],
  renovation: ['设备技术改造', '工装夹具革新'],
  social_service: ['技能进社区志愿服务', '技能帮扶送教活动'],
  school_cooperation: ['校企合作实训教学', '职业院校师徒结对'],
  competition: ['职工技能竞赛', '青年技能比武'],
};

/** Small deterministic generator so the demo looks the same on every machine. */
