import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../accounts/role-membership.entity';

/** One role an account holds (a role_memberships row), as the people who may remove it see it. */
export class RoleGrantView {
  @ApiProperty({ description: '角色授权编号（DELETE /roles/{id} 用）' }) id: number;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() accountId: number;
  @ApiProperty({ description: '账号名称（已关联人员时为其姓名）' }) accountName: string;
  @ApiProperty({ type: Number, nullable: true }) studioId: number | null;
  @ApiProperty({ type: Number, nullable: true }) unitId: number | null;
  @ApiProperty({ type: Number, nullable: true }) jurisdictionId: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'member：绑定的团队成员记录' })
  memberId: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'apprentice：绑定的学徒记录' })
  apprenticeId: number | null;
}

export class RoleGrantListView {
  @ApiProperty({ type: [RoleGrantView] }) items: RoleGrantView[];
}
