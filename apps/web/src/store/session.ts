import type { LoginBody, SignupBody, User } from "@lattice/domain";
import { create } from "zustand";
import { api } from "../api/endpoints";

export type SessionStatus = "unknown" | "anonymous" | "authenticated";

interface SessionState {
  status: SessionStatus;
  user: User | null;
  /** Asks the server who we are (the cookie is httpOnly, so only the server knows). */
  load: () => Promise<void>;
  login: (body: LoginBody) => Promise<void>;
  signup: (body: SignupBody) => Promise<void>;
  logout: () => Promise<void>;
  /** Called when any request answers 401: the session expired or was revoked. */
  expire: () => void;
}

export const useSession = create<SessionState>((set) => ({
  status: "unknown",
  user: null,
  load: async () => {
    try {
      const user = await api.me();
      set({ status: "authenticated", user });
    } catch {
      // 401 (no session) and an unreachable server both lead to the login page, which explains errors.
      set({ status: "anonymous", user: null });
    }
  },
  login: async (body) => {
    const user = await api.login(body);
    set({ status: "authenticated", user });
  },
  signup: async (body) => {
    const user = await api.signup(body);
    set({ status: "authenticated", user });
  },
  logout: async () => {
    try {
      await api.logout();
    } finally {
      set({ status: "anonymous", user: null });
    }
  },
  expire: () => set({ status: "anonymous", user: null }),
}));
