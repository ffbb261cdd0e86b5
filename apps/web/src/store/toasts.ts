import { create } from "zustand";

export type ToastTone = "info" | "error" | "success";

export interface Toast {
  id: string;
  tone: ToastTone;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  show: (message: string, tone?: ToastTone) => string;
  dismiss: (id: string) => void;
}

const lifetimeMs = 6000;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (message, tone = "info") => {
    const id = crypto.randomUUID();
    // Keep at most four on screen: old news is less useful than the newest failure.
    set({ toasts: [...get().toasts.slice(-3), { id, tone, message }] });
    setTimeout(() => get().dismiss(id), lifetimeMs);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = {
  info: (message: string) => useToasts.getState().show(message, "info"),
  error: (message: string) => useToasts.getState().show(message, "error"),
  success: (message: string) => useToasts.getState().show(message, "success"),
};
