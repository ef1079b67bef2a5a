/**
 * 花名册 (gongshu-2020 附件2 G10/G11 and urumqi-2023 附件2 U15 deduct points without one):
 * the apprentices with joining, agreement and leaving dates and their certificates; a second
 * sheet lists the team (the leader first).
 */
import type { Workbook } from 'exceljs';
import { LABELS_ZH } from '@master-studio/shared-rules';
import type { ApprenticeView } from '../../apprentices/dto/apprentice.dto';
import type { CertificateView } from '../../certificates/dto/certificate.dto';
import type { MemberView } from '../../members/dto/member.dto';
import type { StudioView } from '../../studios/dto/studio.dto';
import {
  addSheet,
  boxed,
  fitRowHeights,
  repeatOnEachPage,
  headerRow,
  noteRow,
  text,
  titleRow,
  widths,
} from '../xlsx/cells';

export const APPRENTICE_COLUMNS = [
  '序号',
  '姓名',
  '拜师（入室）日期',
  '签订带徒协议日期',
  '离开（出师）日期',
  '状态',
  '取得证书',
];
export const MEMBER_COLUMNS = [
  '序号',
  '姓名',
  '身份',
  '技能等级',
  '正式员工',
  '从业年限',
  '加入日期',
  '离开日期',
];

const level = (code: string | null): string =>
  code ? ((LABELS_ZH.skillLevels as Record<string, string>)[code] ?? code) : '';
/** On the roster on asOf: joined by then and not yet left. */
export const onRoster = (a: { joinedOn: string; leftOn: string | null }, asOf: string): boolean =>
  a.joinedOn <= asOf && (a.leftOn === null || a.leftOn > asOf);

export function writeRoster(
  wb: Workbook,
  studio: StudioView,
  apprentices: ApprenticeView[],
  certificates: CertificateView[],
  members: MemberView[],
  asOf: string,
): void {
  const certs = new Map<number, CertificateView[]>();
  for (const c of certificates)
    certs.set(c.apprenticeId, [...(certs.get(c.apprenticeId) ?? []), c]);

  const ws = addSheet(wb, '学员花名册');
  widths(ws, [6, 14, 16, 16, 16, 10, 60]);
  titleRow(ws, `${studio.name} 学员花名册`, APPRENTICE_COLUMNS.length);
  noteRow(
    ws,
    `单位：${studio.unit.name}    领办人：${studio.leader.name}    统计日：${asOf}    在册 ${apprentices.filter((a) => onRoster(a, asOf)).length} 人，共 ${apprentices.length} 人`,
    APPRENTICE_COLUMNS.length,
  );
  const h = headerRow(ws, APPRENTICE_COLUMNS);
  repeatOnEachPage(ws, h);
  const sorted = [...apprentices].sort(
    (a, b) => a.joinedOn.localeCompare(b.joinedOn) || a.id - b.id,
  );
  sorted.forEach((a, i) => {
    const held = (certs.get(a.id) ?? []).sort((x, y) => x.awardedOn.localeCompare(y.awardedOn));
    const row = ws.addRow([
      i + 1,
      text(a.name),
      a.joinedOn,
      a.agreementSignedOn ?? '',
      a.leftOn ?? '',
      a.joinedOn > asOf ? '未入室' : onRoster(a, asOf) ? '在册' : '已离开',
      text(
        held
          .map((c) => `${level(c.level)} ${c.awardedOn}${c.number ? ` 编号${c.number}` : ''}`)
          .join('；'),
      ),
    ]);
    boxed(row, 1, APPRENTICE_COLUMNS.length);
  });

  fitRowHeights(ws);

  const team = addSheet(wb, '团队成员');
  widths(team, [6, 14, 10, 20, 10, 10, 14, 14]);
  titleRow(team, `${studio.name} 团队成员名册`, MEMBER_COLUMNS.length);
  const th = headerRow(team, MEMBER_COLUMNS);
  repeatOnEachPage(team, th);
  boxed(
    team.addRow([
      1,
      text(studio.leader.name),
      '领办人',
      level(studio.leader.skillLevel),
      studio.leader.fullTime ? '是' : '否',
      '',
      studio.recognizedOn,
      '',
    ]),
    1,
    MEMBER_COLUMNS.length,
  );
  members.forEach((m, i) => {
    boxed(
      team.addRow([
        i + 2,
        text(m.name),
        '成员',
        level(m.skillLevel),
        m.fullTime ? '是' : '否',
        m.yearsInTrade ?? '',
        m.joinedOn ?? '',
        m.leftOn ?? '',
      ]),
      1,
      MEMBER_COLUMNS.length,
    );
  });
  fitRowHeights(team);
}
