import { ErrorCode } from "@lattice/domain";

export const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];
