/**
 * 档案数据: every record of the studio as plain tables, one sheet per kind (the archive's
 * backup part). Streamed: each row is committed as it is written.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { LABELS_ZH } from '@master-studio/shared-rules';
import type { AchievementView } from '../../achievements/dto/achievement.dto';
import type { ActivityView } from '../../activities/dto/activity.dto';
import type { ApprenticeView } from '../../apprentices/dto/apprentice.dto';
import type { CertificateView } from '../../certificates/dto/certificate.dto';
import type { DocumentView } from '../../documents/dto/document.dto';
import type { FundView } from '../../funds/dto/fund.dto';
import type { MemberView } from '../../members/dto/member.dto';
import type { StudioView } from '../../studios/dto/studio.dto';
import type { AttendanceRow } from '../export-data';
import { addSheet, headerRow, repeatOnEachPage, text, widths } from '../xlsx/cells';
import { beijingTime } from './signin-sheet';

export interface StudioRecords {
  studio: StudioView;
  members: MemberView[];
  apprentices: ApprenticeView[];
  certificates: CertificateView[];
  activities: ActivityView[];
  attendance: AttendanceRow[];
  achievements: AchievementView[];
  funds: FundView[];
  documents: DocumentView[];
}

const l = (group: Record<string, string>, code: string | null): string =>
  code ? (group[code] ?? code) : '';
const yes = (b: boolean | null): string => (b === null ? '' : b ? '是' : '否');

async function sheet(
  wb: Workbook,
  name: string,
  columns: [string, number][],
  rows: Iterable<(string | number | null)[]>,
  commit: (ws: Worksheet) => Promise<void>,
): Promise<void> {
  const ws = addSheet(wb, name, { landscape: columns.length > 6 });
  widths(
    ws,
    columns.map(([, w]) => w),
  );
  repeatOnEachPage(
    ws,
    headerRow(
      ws,
      columns.map(([c]) => c),
    ),
  );
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? text(v) : v))).commit();
  await commit(ws);
}

export async function writeRecordsWorkbook(
  wb: Workbook,
  r: StudioRecords,
  commit: (ws: Worksheet) => Promise<void>,
): Promise<void> {
  const s = r.studio;
  await sheet(
    wb,
    '工作室',
    [
      ['项目', 20],
      ['内容', 50],
    ],
    [
      ['工作室名称', s.name],
      ['职业（工种）', s.trade],
      ['状态', s.status],
      ['认定日期', s.recognizedOn],
      ['所在单位', s.unit.name],
      ['辖区', s.jurisdiction.name],
      ['政策', s.jurisdiction.policyId],
      ['领办人', s.leader.name],
      ['出生日期', s.leader.birthDate],
      ['退休类别', l(LABELS_ZH.retirementCategories, s.leader.retirementCategory)],
      ['技能等级', l(LABELS_ZH.skillLevels, s.leader.skillLevel)],
      ['全职', yes(s.leader.fullTime)],
      ['场地面积（平方米）', s.areaSqm],
      ['工作室标牌', yes(s.hasSign)],
      ['成果荣誉展示栏', yes(s.hasHonoursBoard)],
      ['制度上墙', yes(s.rulesPosted)],
      ['岗位职责', yes(s.dutiesDefined)],
      ['设施设备', yes(s.hasEquipment)],
      ['经费管理办法', yes(s.hasFundRules)],
      ['一票否决', yes(s.vetoed)],
      ['评审总分', s.assessmentTotal],
    ],
    commit,
  );
  await sheet(
    wb,
    '团队成员',
    [
      ['编号', 8],
      ['姓名', 14],
      ['技能等级', 18],
      ['正式员工', 10],
      ['从业年限', 10],
      ['加入日期', 12],
      ['离开日期', 12],
    ],
    r.members.map((m) => [
      m.id,
      m.name,
      l(LABELS_ZH.skillLevels, m.skillLevel),
      yes(m.fullTime),
      m.yearsInTrade,
      m.joinedOn,
      m.leftOn,
    ]),
    commit,
  );
  await sheet(
    wb,
    '学徒',
    [
      ['编号', 8],
      ['姓名', 14],
      ['拜师日期', 12],
      ['协议日期', 12],
      ['离开日期', 12],
    ],
    r.apprentices.map((a) => [a.id, a.name, a.joinedOn, a.agreementSignedOn, a.leftOn]),
    commit,
  );
  await sheet(
    wb,
    '证书',
    [
      ['编号', 8],
      ['学徒', 14],
      ['等级', 18],
      ['取得日期', 12],
      ['证书编号', 20],
    ],
    r.certificates.map((c) => [
      c.id,
      c.apprenticeName,
      l(LABELS_ZH.skillLevels, c.level),
      c.awardedOn,
      c.number,
    ]),
    commit,
  );
  await sheet(
    wb,
    '活动',
    [
      ['编号', 8],
      ['日期', 12],
      ['类型', 16],
      ['名称', 30],
      ['地点', 20],
      ['扫码签到', 10],
      ['现场登记', 10],
      ['人次', 8],
    ],
    r.activities.map((a) => [
      a.id,
      a.date,
      l(LABELS_ZH.activityKinds, a.kind),
      a.title,
      a.location,
      a.checkedIn,
      a.extraAttendance,
      a.attendance,
    ]),
    commit,
  );
  const title = new Map(r.activities.map((a) => [a.id, `${a.date} ${a.title}`]));
  await sheet(
    wb,
    '签到',
    [
      ['活动', 34],
      ['姓名', 14],
      ['签到时间', 18],
    ],
    r.attendance.map((x) => [
      title.get(x.activityId) ?? String(x.activityId),
      x.name,
      beijingTime(x.checkedInAt),
    ]),
    commit,
  );
  await sheet(
    wb,
    '成果',
    [
      ['编号', 8],
      ['日期', 12],
      ['类型', 12],
      ['级别', 14],
      ['名称', 40],
    ],
    r.achievements.map((a) => [
      a.id,
      a.date,
      l(LABELS_ZH.achievementKinds, a.kind),
      l(LABELS_ZH.achievementLevels, a.level),
      a.title,
    ]),
    commit,
  );
  await sheet(
    wb,
    '经费',
    [
      ['编号', 8],
      ['日期', 12],
      ['收支', 8],
      ['来源', 12],
      ['类别', 14],
      ['金额（元）', 14],
      ['备注', 30],
    ],
    r.funds.map((f) => [
      f.id,
      f.date,
      f.direction === 'income' ? '收入' : '支出',
      l(LABELS_ZH.fundSources, f.source),
      f.category,
      f.amount,
      f.note,
    ]),
    commit,
  );
  await sheet(
    wb,
    '报送材料',
    [
      ['编号', 8],
      ['类型', 16],
      ['年度', 8],
      ['报送日期', 12],
      ['标题', 30],
    ],
    r.documents.map((d) => [
      d.id,
      l(LABELS_ZH.documentKinds, d.kind),
      d.year,
      d.submittedOn,
      d.title,
    ]),
    commit,
  );
}
