import { create } from "zustand";
import type { HierarchyDialogState } from "../features/sidebar/hierarchy-dialogs";

interface UiState {
  dialog: HierarchyDialogState;
  openDialog: (dialog: NonNullable<HierarchyDialogState>) => void;
  closeDialog: () => void;
  /** On narrow screens the sidebar is an overlay; on wide ones it can be collapsed. */
  isSidebarOpen: boolean;
  setSidebarOpen: (isOpen: boolean) => void;
}

export const useUi = create<UiState>((set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  isSidebarOpen: typeof window === "undefined" ? true : window.matchMedia("(min-width: 1024px)").matches,
  setSidebarOpen: (isOpen) => set({ isSidebarOpen: isOpen }),
}));
