import { AppError } from '../../lib/errors';

export const orgNameTaken = () =>
  new AppError(409, 'ORG_NAME_TAKEN', '同一上级下已有同名组织', [
    { path: 'name', message: '同一上级下已有同名组织' },
  ]);
export const kindNotAllowed = (parentKind: string, kind: string) =>
  new AppError(400, 'ORG_KIND_NOT_ALLOWED', `${parentKind}下不能设立${kind}`, [
    { path: 'kind', message: `${parentKind}下不能设立${kind}` },
  ]);
export const orgClosed = () => new AppError(409, 'ORG_CLOSED', '该组织已撤销，不能再修改');
export const parentClosed = () =>
  new AppError(409, 'PARENT_CLOSED', '上级组织已撤销', [{ path: 'parentId', message: '上级组织已撤销' }]);
export const moveIntoOwnSubtree = () =>
  new AppError(400, 'ORG_MOVE_CYCLE', '不能把组织调整到它自己或其下级之下', [
    { path: 'parentId', message: '不能调整到自身或下级之下' },
  ]);
export const rootImmovable = () =>
  new AppError(400, 'ORG_ROOT_IMMOVABLE', '最高一级组织不能调整隶属或撤销', [
    { path: 'id', message: '最高一级组织' },
  ]);
export const hasActiveChildren = (n: number) =>
  new AppError(409, 'ORG_HAS_ACTIVE_CHILDREN', `该组织还有 ${n} 个未撤销的下级组织，请先撤销或调走`);
export const hasAssignments = (n: number) =>
  new AppError(409, 'ORG_HAS_ASSIGNMENTS', `该组织仍有 ${n} 个账户授权，请先收回授权`);
export const unknownHostDistrict = (code: string) =>
  new AppError(400, 'UNKNOWN_DIVISION', `区划代码 ${code} 不是流入地的区县`, [
    { path: 'hostDistrict', message: '不是流入地的区县代码' },
  ]);
export const parentNotFound = () =>
  new AppError(404, 'NOT_FOUND', '上级组织不存在或无权查看', [
    { path: 'parentId', message: '上级组织不存在' },
  ]);
export const cannotRestructure = () =>
  new AppError(403, 'FORBIDDEN', '调整隶属或撤销须由上级组织的管理者操作');
