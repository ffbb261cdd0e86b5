import type { LoginBody, SignupBody, User } from "@lattice/domain";
import { create } from "zustand";
import { sessionApi as api } from "../api/session-endpoints";
import { applyUserPreferences } from "../ui/preferences";

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
  /** The person as the server now has them (after changing their settings). */
  putUser: (user: User) => void;
}

export const useSession = create<SessionState>((set) => ({
  putUser: (user) => {
    applyUserPreferences(user);
    set({ user });
  },
  status: "unknown",
  user: null,
  load: async () => {
    try {
      const user = await api.me();
      applyUserPreferences(user);
      set({ status: "authenticated", user });
    } catch {
      // 401 (no session) and an unreachable server both lead to the login page, which explains errors.
      set({ status: "anonymous", user: null });
    }
  },
  login: async (body) => {
    const user = await api.login(body);
    applyUserPreferences(user);
    set({ status: "authenticated", user });
  },
  signup: async (body) => {
    const user = await api.signup(body);
    applyUserPreferences(user);
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
