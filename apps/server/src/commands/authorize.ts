/**
 * Security: the order matters. First "may the caller know this exists" (else 404, the same answer
 * as for an id that does not exist), then "may the caller do this" (else 403).
 */
import {
  type Action,
  can,
  type DomainError,
  invalidFieldRefusal,
  type NotFoundNoun,
  notFound,
  type RefusalMessage,
  roleRefusal,
  type WorkspaceRole,
} from "@lattice/domain";

export const authorize = <T extends { role: WorkspaceRole }>(
  access: T | null,
  action: Action,
  what: NotFoundNoun,
): T => {
  if (!access) throw notFound(what);
  if (!can(access.role, action)) throw roleRefusal(access.role);
  return access;
};

/** 400 for one field; `problem` is `message` as a `refusal.field.*` message. */
export const invalidField = (field: string, message: string, problem: RefusalMessage): DomainError =>
  invalidFieldRefusal(field, message, problem);
