const hues = [232, 262, 292, 332, 12, 32, 152, 182, 202];

const hueFor = (seed: string): number => {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return hues[Math.abs(hash) % hues.length] ?? 232;
};

export const initials = (name: string): string => {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "";
  return (first + last).toUpperCase();
};

/** Initials on a colour from the seed, or on the person's own `color` (#rrggbb) when they chose one. */
export const Avatar = ({
  name,
  seed,
  size = 28,
  color = null,
}: {
  name: string;
  seed?: string;
  size?: number;
  color?: string | null;
}) => (
  <span
    className="avatar"
    title={name}
    aria-hidden="true"
    style={{
      width: size,
      height: size,
      fontSize: size * 0.4,
      ["--avatar-hue" as string]: hueFor(seed ?? name),
      ...(color ? { background: color, color: "#fff" } : {}),
    }}
  >
    {initials(name)}
  </span>
);
