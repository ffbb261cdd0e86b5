/**
 * The board's drawers and dialogs load when first opened (or when the browser is idle), not with the
 * board: they are not part of the first screen.
 */
import { onDemand } from "../../lib/on-demand";

export const ActivityDrawer = onDemand(
  () => import("../activity/activity-drawer"),
  (m) => m.ActivityDrawer,
);
export const ArchivedCardsDialog = onDemand(
  () => import("./archived-cards"),
  (m) => m.ArchivedCardsDialog,
);
export const BlockerTypesDialog = onDemand(
  () => import("../space-settings/blocker-types-dialog"),
  (m) => m.BlockerTypesDialog,
);
export const SpaceMembersDialog = onDemand(
  () => import("../space-settings/space-members-dialog"),
  (m) => m.SpaceMembersDialog,
);
export const CardTemplatesDialog = onDemand(
  () => import("../templates/card-templates-dialog"),
  (m) => m.CardTemplatesDialog,
);
