import type { MyAttendancePage, MyProgress } from '@/services/api';
import { attendanceLine, progressSections } from './apprentice-home';

// Fixtures in the server's answer shapes: typed by the generated API types, so a server DTO
// that changes without the app following fails the typecheck (and api:check) first.
const attendance: MyAttendancePage = {
  items: [
    {
      id: 9,
      activityId: 218,
      title: '焊接工艺培训',
      kind: 'training',
      date: '2025-05-01',
      studioId: 3,
      studioName: '张建国焊工技能大师工作室',
      checkedInAt: '2025-05-01T06:05:00.000Z',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
};
const progress: MyProgress = {
  asOf: '2025-06-30',
  items: [
    {
      studioId: 3,
      studioName: '张建国焊工技能大师工作室',
      joinedOn: '2024-09-01',
      leftOn: null,
      attendanceThisYear: 7,
      attendanceTotal: 12,
      certificates: 1,
      highestLevel: 'senior',
    },
  ],
};

describe('apprentice home', () => {
  describe(attendanceLine.name, () => {
    it("names a check-in by its activity's title and kind, not by its id", () => {
      const [a] = attendance.items;
      const line = attendanceLine(a as MyAttendancePage['items'][number]);
      expect(line.title).toBe('焊接工艺培训');
      expect(line.meta).toMatch(/^技能培训 · 5月1日 \d\d:05$/);
    });
  });

  describe(progressSections.name, () => {
    it("shows each studio's person-times and certificates (not 0/—)", () => {
      expect(progressSections(progress)).toEqual([
        {
          studioId: 3,
          title: '张建国焊工技能大师工作室',
          rows: [
            { label: '2025 年参加活动', value: '7 次' },
            { label: '累计参加活动', value: '12 次' },
            { label: '取得证书', value: '1 本' },
            {
              label: '最高证书等级',
              value: expect.stringContaining('高级工') as unknown as string,
            },
          ],
        },
      ]);
    });

    it('says when the apprentice has left a studio', () => {
      const left: MyProgress = {
        ...progress,
        items: [
          {
            ...(progress.items[0] as MyProgress['items'][number]),
            leftOn: '2025-03-31',
            highestLevel: null,
          },
        ],
      };
      const [s] = progressSections(left);
      expect(s?.title).toBe('张建国焊工技能大师工作室（2025年3月31日离开）');
      expect(s?.rows[3]).toEqual({ label: '最高证书等级', value: '—' });
    });
  });
});
