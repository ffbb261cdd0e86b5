import { create } from "zustand";
import { translate } from "../lib/i18n/i18n";

export type ToastTone = "info" | "error" | "success";

export interface Toast {
  id: string;
  tone: ToastTone;
  message: string;
  /** How many times this same message was shown while it stayed on screen. */
  count: number;
  /** A button on the toast ("Undo"): pressing it runs `run` and dismisses the toast. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run: () => unknown;
}

interface ToastState {
  toasts: Toast[];
  show: (message: string, tone?: ToastTone, action?: ToastAction) => string;
  dismiss: (id: string) => void;
}

const lifetimeMs = 6000;
/** Old news is less useful than the newest failure, and a pile of toasts hides the page. */
export const maxToasts = 3;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (message, tone = "info", action) => {
    const id = crypto.randomUUID();
    // The same message again (a refused drag repeated, say) refreshes one toast with a count instead
    // of stacking copies; its old timer then finds no toast of its id.
    const same = get().toasts.find((t) => t.tone === tone && t.message === message);
    const rest = get().toasts.filter((t) => t !== same);
    set({
      toasts: [
        ...rest.slice(-(maxToasts - 1)),
        { id, tone, message, count: (same?.count ?? 0) + 1, ...(action ? { action } : {}) },
      ],
    });
    setTimeout(() => get().dismiss(id), lifetimeMs);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = {
  info: (message: string) => useToasts.getState().show(message, "info"),
  error: (message: string) => useToasts.getState().show(message, "error"),
  success: (message: string) => useToasts.getState().show(message, "success"),
  /** News with an "Undo" that takes the change back (archive: restore). */
  undoable: (message: string, undo: () => unknown) =>
    useToasts.getState().show(message, "info", { label: translate("common.undo"), run: undo }),
};
