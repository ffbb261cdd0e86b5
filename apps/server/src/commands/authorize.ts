/**
 * Security: the order matters. First "may the caller know this exists" (else 404, the same answer
 * as for an id that does not exist), then "may the caller do this" (else 403).
 */
import { type Action, can, DomainError, ErrorCode, type WorkspaceRole } from "@lattice/domain";

export const authorize = <T extends { role: WorkspaceRole }>(
  access: T | null,
  action: Action,
  what: string,
): T => {
  if (!access) throw new DomainError(ErrorCode.notFound, `${what} not found`);
  if (!can(access.role, action)) {
    throw new DomainError(
      ErrorCode.forbidden,
      access.role === "visitor"
        ? "Visitors can read and comment but not change this"
        : `Your role (${access.role}) does not allow this`,
    );
  }
  return access;
};

export const invalidField = (field: string, message: string): DomainError =>
  new DomainError(ErrorCode.validationFailed, `${field} ${message}`, [{ field, message }]);
