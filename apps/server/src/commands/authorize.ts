/**
 * Security: the order matters. First "may the caller know this exists" (else 404, the same answer
 * as for an id that does not exist), then "may the caller do this" (else 403).
 */
import {
  type Action,
  can,
  DomainError,
  ErrorCode,
  notFound,
  roleRefusal,
  type WorkspaceRole,
} from "@lattice/domain";

export const authorize = <T extends { role: WorkspaceRole }>(
  access: T | null,
  action: Action,
  what: string,
): T => {
  if (!access) throw notFound(what);
  if (!can(access.role, action)) throw roleRefusal(access.role);
  return access;
};

export const invalidField = (field: string, message: string): DomainError =>
  new DomainError(ErrorCode.validationFailed, `${field} ${message}`, [{ field, message }]);
