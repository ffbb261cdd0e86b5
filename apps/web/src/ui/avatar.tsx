/**
 * A person's initials on their initials colour: the one they chose (read from the members lists the
 * app holds, which `member.updated` keeps current; the sidebar passes one's own), else the one
 * derived from their id. The same colour for a person on every screen and for everyone.
 */
import { initialsColorOf } from "@lattice/domain";
import { useChosenColor } from "../api/members";

export const initials = (name: string): string => {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "";
  return (first + last).toUpperCase();
};

/** `color`: a colour to show instead (one's own, or the settings page's preview of a choice). */
export const Avatar = ({
  name,
  seed,
  size = 28,
  color,
}: {
  name: string;
  seed?: string;
  size?: number;
  color?: string | null;
}) => {
  const id = seed ?? name;
  const listed = useChosenColor(id);
  const background = initialsColorOf(id, color !== undefined ? color : listed);
  return (
    <span
      className="avatar"
      title={name}
      aria-hidden="true"
      data-color={background}
      style={{ width: size, height: size, fontSize: size * 0.4, background, color: "#fff" }}
    >
      {initials(name)}
    </span>
  );
};
