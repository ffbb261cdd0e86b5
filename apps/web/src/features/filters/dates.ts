/** The browser's local calendar date (YYYY-MM-DD): what "today" means to the person looking. */
export const localToday = (now: Date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
